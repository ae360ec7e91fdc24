package org.tongjie.api.http;

import java.util.function.Supplier;

/**
 * Values from a request that the domain checks itself (a PIN's digits, a policy's periods): its
 * {@link IllegalArgumentException} becomes a 400 with its message. Missing values are the route's to find
 * first, by name, with Javalin's validators; a NullPointerException here is a bug and answers 500.
 */
public final class Valid {
    private Valid() {}

    public static <T> T of(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e.getMessage());
        }
    }

    /** A string that was sent and is not blank. */
    public static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
