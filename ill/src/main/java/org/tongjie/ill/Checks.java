package org.tongjie.ill;

import java.util.Objects;

/** Argument checks whose messages name the field and the bad value, so a caller can fix the input. */
final class Checks {
    private Checks() {}

    static String nonBlank(String value, String what) {
        Objects.requireNonNull(value, what + " is required (got null)");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank (got '" + value + "')");
        }
        return value;
    }

    static <T> T present(T value, String what) {
        return Objects.requireNonNull(value, what + " is required (got null); use Optional.empty() for none");
    }
}
