package org.tongjie.indexer;

/** A request named a member library the directory does not have. */
public final class UnknownLibraryException extends RuntimeException {
    public UnknownLibraryException(String libraryId) {
        super("no member library with id '" + libraryId + "'");
    }
}
