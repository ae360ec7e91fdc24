package org.tongjie.api;

/** A request the caller can fix; answered 400 with the message. */
final class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message);
    }
}
