package org.tongjie.ill;

/** The database failed (disk, lock timeout, corrupt file); the message carries the driver's reason. */
public final class IllStoreException extends RuntimeException {
    IllStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
