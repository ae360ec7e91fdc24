package org.tongjie.search;

import java.util.List;
import java.util.Optional;

/** One dimension's values with their counts, most frequent first; selected values are marked. */
public record FacetCount(String dim, List<Value> values) {
    public FacetCount {
        values = List.copyOf(values);
    }

    /** {@code label}: what to show a reader when the value is a code (CLC "I" is 文学). */
    public record Value(String value, Optional<String> label, long count, boolean selected) {}
}
