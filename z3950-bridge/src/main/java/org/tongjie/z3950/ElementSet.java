package org.tongjie.z3950;

import java.util.Locale;

/**
 * The element sets a client can present records in: F (full, also what no element set name means) and
 * B (brief). Any other name is Bib-1 25, specified element set name not valid for specified database.
 */
public enum ElementSet {
    FULL,
    BRIEF;

    private static final int NOT_VALID = 25;

    static ElementSet named(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "", "F" -> FULL;
            case "B" -> BRIEF;
            default -> throw new Bib1Exception(NOT_VALID, name);
        };
    }
}
