package org.tongjie.ill;

/** The card is already registered: registering it again would take it over; only an explicit reset may. */
public final class ReaderExistsException extends RuntimeException {
    public ReaderExistsException(String message) {
        super(message);
    }
}
