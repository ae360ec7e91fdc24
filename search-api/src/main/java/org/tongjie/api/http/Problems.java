package org.tongjie.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 4xx and 5xx of the HTTP API as {@code application/problem+json}: refusals thrown by handlers,
 * Javalin's validators and its own answers (unknown route, wrong method, body too large), and unexpected
 * exceptions, which are logged with the request and answered without internals. SRU and OAI-PMH answer
 * their protocols' own errors and never reach this.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    /** The field name Javalin's body validator reports a body it cannot read under. */
    private static final String BODY = "REQUEST_BODY";

    private Problems() {}

    /** Answers every failure of the app configured by {@code config} as a problem. */
    public static void install(JavalinConfig config) {
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        long limit = config.http.maxRequestSize;
        RoutesConfig routes = config.routes;
        routes.exception(ProblemException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            answer(ctx, e.code(), e.getMessage());
        });
        routes.exception(ValidationException.class, Problems::invalid);
        routes.exception(HttpResponseException.class, (e, ctx) -> javalin(e, ctx, limit));
        routes.exception(Exception.class, Problems::unexpected);
        routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
            if (!answered(ctx)) {
                answer(ctx, ProblemCode.NOT_FOUND, "no such resource: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    /** Exceptions of type {@code type} are answered with {@code code}, their message as the detail. */
    public static <E extends Exception> void map(RoutesConfig routes, Class<E> type, ProblemCode code) {
        routes.exception(type, (e, ctx) -> answer(ctx, code, e.getMessage()));
    }

    public static void answer(Context ctx, ProblemCode code, String detail) {
        String json = ctx.jsonMapper().toJsonString(Problem.of(code, detail, ctx.path()), Problem.class);
        ctx.status(code.status()).contentType(Problem.MEDIA_TYPE).result(json.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean answered(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    private static void invalid(ValidationException e, Context ctx) {
        var body = e.getErrors().getOrDefault(BODY, List.of()).stream().filter(v -> v.exception() != null).findFirst();
        if (body.isPresent()) {
            answer(ctx, ProblemCode.MALFORMED_BODY, unreadable(body.get().exception()));
            return;
        }
        answer(ctx, ProblemCode.INVALID_PARAMETER, e.getErrors().entrySet().stream()
                .map(entry -> field(entry.getKey()) + ": " + entry.getValue().stream().map(Problems::describe)
                        .collect(Collectors.joining("; ")))
                .collect(Collectors.joining(", ")));
    }

    private static String field(String key) {
        return key.equals(BODY) ? "body" : key;
    }

    private static String describe(ValidationError<?> v) {
        String message = switch (v.getMessage()) {
            case "TYPE_CONVERSION_FAILED" -> "must be a whole number";
            case "NULLCHECK_FAILED" -> "is required";
            case "DESERIALIZATION_FAILED" -> "is not the JSON this endpoint takes";
            default -> v.getMessage();
        };
        return message + (v.value == null || v.value instanceof Record ? "" : " (was '" + v.value + "')");
    }

    /** What is wrong with a body Jackson could not read: where, and in which field, in plain words without class names. */
    static String unreadable(Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof JsonProcessingException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JsonProcessingException json)) {
            return "the body must be a JSON object";
        }
        if (json.getOriginalMessage().startsWith("No content to map")) {
            return "a JSON body is required";
        }
        return switch (json) {
            case UnrecognizedPropertyException unknown -> "field '" + path(unknown) + "' is not one this endpoint takes; it takes "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            case InvalidFormatException format -> at(format) + " must be " + expected(format.getTargetType())
                    + (format.getValue() == null ? "" : ", was '" + format.getValue() + "'");
            case MismatchedInputException mismatch -> at(mismatch) + " must be " + expected(mismatch.getTargetType());
            case JsonMappingException mapping -> at(mapping) + " is not the JSON this endpoint takes";
            case JsonEOFException eof -> "the body is not valid JSON: it ends too early, at" + where(eof);
            default -> "the body is not valid JSON at" + where(json);
        };
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String at(JsonMappingException e) {
        return e.getPath().isEmpty() ? "the body" : "field '" + path(e) + "'";
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? " an unknown place"
                : " line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** A Java type as the JSON value that would do. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (List.of(int.class, long.class, short.class, byte.class, Integer.class, Long.class, Short.class, Byte.class,
                java.math.BigInteger.class).contains(type)) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list (a JSON array)";
        }
        if (type == java.time.LocalDate.class) {
            return "a date as YYYY-MM-DD";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a time as YYYY-MM-DDThh:mm:ssZ";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as PT6H";
        }
        return "a JSON object";
    }

    private static void javalin(HttpResponseException e, Context ctx, long limit) {
        ProblemCode code = ProblemCode.of(e.getStatus());
        String detail = switch (code) {
            case NOT_FOUND -> "no such resource: " + ctx.method() + " " + ctx.path();
            case METHOD_NOT_ALLOWED -> {
                String methods = e.getDetails().getOrDefault("availableMethods", "");
                if (!methods.isEmpty()) {
                    ctx.header("Allow", methods);
                }
                yield ctx.method() + " is not served at " + ctx.path() + allowed(e.getDetails());
            }
            case PAYLOAD_TOO_LARGE -> "the body is larger than the " + limit + " bytes this endpoint reads";
            default -> e.getMessage();
        };
        answer(ctx, code, detail);
    }

    private static String allowed(Map<String, String> details) {
        String methods = details.getOrDefault("availableMethods", "");
        return methods.isEmpty() ? "" : "; it takes " + methods;
    }

    /** A bug or an outage, not the caller's doing: logged with the request, answered with a reference to it. */
    private static void unexpected(Exception e, Context ctx) {
        String reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        LOG.error("{} {}{} failed (reference {})", ctx.method(), ctx.path(),
                ctx.queryString() == null ? "" : "?" + ctx.queryString(), reference, e);
        answer(ctx, ProblemCode.INTERNAL_ERROR, "the hub failed on this request; its log has the details under reference "
                + reference);
    }
}
