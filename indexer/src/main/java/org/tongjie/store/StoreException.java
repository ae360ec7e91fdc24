package org.tongjie.store;

/** The database could not do what was asked; the message says what and why. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
