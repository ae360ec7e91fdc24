package org.tongjie.query;

import java.util.List;
import java.util.Objects;

/**
 * A stretch of one index's terms in index order around a start term, each with how many union records
 * hold it: what a Z39.50 or SRU Scan shows a cataloguer browsing an index.
 *
 * @param terms    the terms, in index order
 * @param position where the start term (or the first term after it) stands in {@code terms}, 1-based;
 *                 {@code terms.size() + 1} when no term comes at or after it
 */
public record IndexScan(List<Entry> terms, int position) {
    public IndexScan {
        terms = List.copyOf(terms);
    }

    /** A term as the index holds it (normalised: lower case, ISBN-13, …) and its number of union records. */
    public record Entry(String term, long records) {
        public Entry {
            Objects.requireNonNull(term, "term");
        }
    }
}
