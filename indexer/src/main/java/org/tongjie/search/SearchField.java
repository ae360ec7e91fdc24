package org.tongjie.search;

import java.util.Locale;
import java.util.Optional;

/**
 * The fields a reader may name, as {@code title:红楼梦} in the query or as a box of the advanced form
 * ({@code title=红楼梦}). {@code isbn} takes an ISBN or an ISSN in any form, {@code clc} a class number or
 * its beginning ({@code clc:I24} is every Chinese novel), {@code year} a year or a range ({@code 1990-2000},
 * {@code 2010-}, {@code -1950}).
 */
public enum SearchField {
    TITLE,
    AUTHOR,
    SUBJECT,
    PUBLISHER,
    ISBN,
    ISSN,
    CLC,
    YEAR;

    /** The name in the query syntax and in the API: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchField> byKey(String key) {
        for (SearchField f : values()) {
            if (f.key().equalsIgnoreCase(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
