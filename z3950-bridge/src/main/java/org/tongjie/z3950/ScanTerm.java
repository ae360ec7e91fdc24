package org.tongjie.z3950;

import java.util.Objects;

/** One entry of a Scan answer: a term of the index and how many records hold it. */
public record ScanTerm(String term, long occurrences) {
    public ScanTerm {
        Objects.requireNonNull(term, "term");
        if (occurrences < 0) {
            throw new IllegalArgumentException("occurrences must not be negative: " + occurrences);
        }
    }
}
