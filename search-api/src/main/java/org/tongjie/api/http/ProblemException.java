package org.tongjie.api.http;

import java.util.Map;

/**
 * A request the hub refuses, answered as a {@link Problem} with this code and detail (and headers, such as
 * a 401's {@code WWW-Authenticate}). Handlers throw it; {@link Problems} writes it.
 */
public final class ProblemException extends RuntimeException {
    private final ProblemCode code;
    private final Map<String, String> headers;

    public ProblemException(ProblemCode code, String detail) {
        this(code, detail, Map.of());
    }

    public ProblemException(ProblemCode code, String detail, Map<String, String> headers) {
        super(detail);
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_PARAMETER, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemCode.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemCode.CONFLICT, detail);
    }

    /** A 429: {@code what}, then when to try again, also as Retry-After (whole seconds, at least one). */
    public static ProblemException tooManyRequests(String what, java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ProblemException(ProblemCode.TOO_MANY_REQUESTS, what + ": try again in " + seconds + " s (each"
                + " attempt before then makes the wait longer)", Map.of("Retry-After", Long.toString(seconds)));
    }

    public ProblemCode code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
