package org.tongjie.indexer;

/** A request named a union record or source record the catalogue does not have. */
public final class UnknownRecordException extends RuntimeException {
    public UnknownRecordException(String id) {
        super("no union record or source record with id '" + id + "'");
    }
}
