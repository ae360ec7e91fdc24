package org.tongjie.api.http;

/**
 * The body of every error answer of the HTTP API, RFC 9457 {@code application/problem+json}: {@code type},
 * {@code title} and {@code status} from the {@link ProblemCode}, {@code detail} saying what to change,
 * {@code instance} the request's path, and {@code code}, the stable machine code.
 */
public record Problem(String type, String title, int status, String detail, String instance, String code) {
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "tag:tongjie,2026:problem:";

    static Problem of(ProblemCode code, String detail, String instance) {
        return new Problem(code.type(), code.title(), code.status().getCode(), detail, instance, code.key());
    }
}
