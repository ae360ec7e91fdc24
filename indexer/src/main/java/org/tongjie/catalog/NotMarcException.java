package org.tongjie.catalog;

/** Thrown when a stream is neither ISO 2709 nor XML, so there is no record to report on. */
public final class NotMarcException extends IllegalArgumentException {
    public NotMarcException(String message) {
        super(message);
    }
}
