package org.tongjie.ill;

/** No request has this id. */
public final class UnknownRequestException extends RuntimeException {
    UnknownRequestException(long requestId) {
        super("no ILL request with id " + requestId + "; check the id (requests are never deleted)");
    }
}
