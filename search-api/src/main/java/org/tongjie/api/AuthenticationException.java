package org.tongjie.api;

/**
 * A request without the key an action needs (a member's API key for uploads, the staff key for cluster
 * changes): 401 when no key came ({@link #missing}), 403 when a key came that is not the right one.
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
