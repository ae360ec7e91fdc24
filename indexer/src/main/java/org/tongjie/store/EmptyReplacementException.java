package org.tongjie.store;

/** A full replace that would delete every record the member has, because the batch sent none. */
public final class EmptyReplacementException extends StoreException {
    public EmptyReplacementException(String message) {
        super(message, null);
    }
}
