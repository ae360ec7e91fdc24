package org.tongjie.indexer;

import java.util.List;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.catalog.ClusterOverride;

/**
 * How a union record came together, for staff who check the matcher: each source record with the rule
 * that joined it and the member it matched, the record whose description is shown, and the staff
 * overrides that name any of its records.
 */
public record ClusterView(String id, String describedBy, List<UnionRecord.Member> members, List<ClusterOverride> overrides) {
    public ClusterView {
        members = List.copyOf(members);
        overrides = List.copyOf(overrides);
    }
}
