package org.tongjie.api.http;

import io.javalin.http.HttpStatus;

/**
 * The stable machine codes of the HTTP API's problem answers, each with its HTTP status. Clients branch on
 * {@code code}; {@code detail} is for people and may change wording.
 */
public enum ProblemCode {
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid parameter"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "Malformed body"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Unauthenticated"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    /** The reader already has an open ILL request for the same title. */
    DUPLICATE_REQUEST(HttpStatus.CONFLICT, "Duplicate request"),
    /** The reader has as many open ILL requests as their library allows. */
    REQUEST_LIMIT_REACHED(HttpStatus.CONFLICT, "Request limit reached"),
    /** The reader may not borrow now: an overdue or lost loan. */
    READER_BLOCKED(HttpStatus.CONFLICT, "Reader blocked"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    UNPROCESSABLE(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request"),
    LOCKED(HttpStatus.LOCKED, "Locked"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ProblemCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The code as clients see it: {@code not-found}, {@code invalid-parameter}... */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The problem type URI; a tag URI (RFC 4151), as RFC 9457 advises for types that are not pages to fetch. */
    public String type() {
        return Problem.TYPE_PREFIX + key();
    }

    /** The code of a status that no handler named (Javalin's own answers), {@code internal-error} for none. */
    static ProblemCode of(int status) {
        for (ProblemCode c : values()) {
            if (c.status.getCode() == status && c != MALFORMED_BODY) {
                return c;
            }
        }
        return status >= 400 && status < 500 ? INVALID_PARAMETER : INTERNAL_ERROR;
    }
}
