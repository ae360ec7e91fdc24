package org.tongjie.ill;

/** A reader may not place this request now; the reason says which rule, the message what to do. */
public final class RequestRefusedException extends RuntimeException {
    /** Which rule refused it. */
    public enum Reason {
        /** The reader already has an open request for the same title. */
        DUPLICATE_REQUEST,
        /** The reader has as many open requests as their library allows. */
        REQUEST_LIMIT_REACHED,
        /** The reader has an overdue or lost loan. */
        READER_BLOCKED
    }

    private final Reason reason;

    public RequestRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
