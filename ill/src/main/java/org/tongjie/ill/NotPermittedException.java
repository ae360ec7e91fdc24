package org.tongjie.ill;

/** The caller's role does not allow this on this request or library; nothing was written. */
public final class NotPermittedException extends RuntimeException {
    public NotPermittedException(String message) {
        super(message);
    }
}
