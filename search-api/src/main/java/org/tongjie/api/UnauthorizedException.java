package org.tongjie.api;

/** A request without the credentials an action needs (401), or with wrong ones (403). */
final class UnauthorizedException extends RuntimeException {
    private final boolean forbidden;

    UnauthorizedException(boolean forbidden, String message) {
        super(message);
        this.forbidden = forbidden;
    }

    boolean forbidden() {
        return forbidden;
    }
}
