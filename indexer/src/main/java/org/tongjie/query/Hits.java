package org.tongjie.query;

import java.util.List;

/**
 * A window of what a query matches, best first, named only by the source record that describes each union
 * record, and how many match in all: what a protocol that presents records by position needs, without
 * loading the union records.
 */
public record Hits(long total, List<String> describingRecordIds) {
    public Hits {
        describingRecordIds = List.copyOf(describingRecordIds);
    }
}
