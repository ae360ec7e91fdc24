package org.tongjie.api;

/**
 * An upload without the member's API key: 401 when no key came ({@link #missing}), 403 when a key came
 * that is not the member's, or the member has none.
 */
final class AuthenticationException extends RuntimeException {
    private final boolean missing;

    private AuthenticationException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    static AuthenticationException missing(String message) {
        return new AuthenticationException(message, true);
    }

    static AuthenticationException refused(String message) {
        return new AuthenticationException(message, false);
    }

    boolean missing() {
        return missing;
    }
}
