package org.tongjie.ill;

/** A copy is not where an action needs it to be (already promised, not on loan, on its way elsewhere). */
public final class CopyConflictException extends RuntimeException {
    public CopyConflictException(String message) {
        super(message);
    }
}
