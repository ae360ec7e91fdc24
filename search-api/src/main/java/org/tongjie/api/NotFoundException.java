package org.tongjie.api;

/** Answered 404 with the message. */
final class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
        super(message);
    }
}
