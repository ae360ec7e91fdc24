package org.tongjie.query;

import java.util.Objects;

/**
 * One key of the order a protocol asks for its hits in (a Z39.50 Sort, SRU's sortKeys): records without a
 * value for the key come last either way, and ties keep the relevance order.
 */
public record SortKey(Field field, boolean descending) {
    public SortKey {
        Objects.requireNonNull(field, "field");
    }

    /** What a union record is ordered by: its describing record's title, first author or year. */
    public enum Field {
        /** The title as pinyin syllables, so Chinese titles fall among Latin ones by their sound. */
        TITLE,
        /** The first author, the same way. */
        AUTHOR,
        /** The year of publication. */
        DATE
    }
}
