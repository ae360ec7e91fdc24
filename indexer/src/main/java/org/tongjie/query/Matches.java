package org.tongjie.query;

import java.util.List;
import org.tongjie.catalog.UnionRecord;

/** A window of the union records a query matches, best first, and how many match in all. */
public record Matches(long total, List<UnionRecord> records) {
    public Matches {
        records = List.copyOf(records);
    }
}
