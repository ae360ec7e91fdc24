package org.tongjie.indexer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongjie.catalog.ClusterOverride;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.store.ClusterTables;

/** How source records join into union records, and staff overriding it: splits and merges that last. */
public final class Clusters {
    private final Search search;
    private final ClusterTables tables;
    private final Maintenance maintenance;
    private final Clock clock;

    Clusters(Search search, ClusterTables tables, Maintenance maintenance, Clock clock) {
        this.search = search;
        this.tables = tables;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    /** Which source records joined a union record and by which rule, with the staff overrides among them. */
    public Optional<ClusterView> view(String id) {
        return search.record(id).map(u -> new ClusterView(u.id(), u.description().id(), u.members(),
                tables.overridesOf(memberIds(u))));
    }

    /**
     * Takes source records out of a union record into one of their own, for good: a SPLIT override between
     * each of them and each record staying, so no rule joins them again after a re-harvest. Returns the
     * union records the former members are now in.
     *
     * @throws UnknownRecordException if there is no such union record
     * @throws IllegalArgumentException if a record is not a member, or all of them would leave
     */
    public List<String> split(String unionId, List<String> leaving, String actor, String reason) {
        synchronized (maintenance) {
            UnionRecord union = search.record(unionId).orElseThrow(() -> new UnknownRecordException(unionId));
            List<String> all = memberIds(union);
            var outsiders = leaving.stream().filter(id -> !all.contains(id)).toList();
            if (leaving.isEmpty() || !outsiders.isEmpty() || Set.copyOf(leaving).size() == all.size()) {
                throw new IllegalArgumentException(leaving.isEmpty() ? "name the source records to split off"
                        : !outsiders.isEmpty() ? "not members of union record " + union.id() + ": " + outsiders
                        : "a split must leave at least one source record in union record " + union.id());
            }
            var overrides = new ArrayList<ClusterOverride>();
            Instant now = clock.instant();
            for (String out : Set.copyOf(leaving)) {
                all.stream().filter(id -> !leaving.contains(id))
                        .forEach(stay -> overrides.add(new ClusterOverride(out, stay, ClusterOverride.Kind.SPLIT, actor, reason, now)));
            }
            overrides.addAll(chain(List.copyOf(Set.copyOf(leaving)), actor, reason, now));
            return override(overrides, all);
        }
    }

    /**
     * Joins two union records into one, for good: MERGE overrides tie all their source records together,
     * whatever vetoes the matcher finds. Returns the id of the merged union record.
     *
     * @throws UnknownRecordException if either union record does not exist
     */
    public String merge(String unionId, String otherId, String actor, String reason) {
        synchronized (maintenance) {
            UnionRecord a = search.record(unionId).orElseThrow(() -> new UnknownRecordException(unionId));
            UnionRecord b = search.record(otherId).orElseThrow(() -> new UnknownRecordException(otherId));
            if (a.id().equals(b.id())) {
                throw new IllegalArgumentException(unionId + " and " + otherId + " are already one union record, " + a.id());
            }
            var all = new ArrayList<>(memberIds(a));
            all.addAll(memberIds(b));
            return override(chain(all, actor, reason, clock.instant()), all).getFirst();
        }
    }

    private static List<ClusterOverride> chain(List<String> ids, String actor, String reason, Instant at) {
        var links = new ArrayList<ClusterOverride>();
        for (int i = 1; i < ids.size(); i++) {
            links.add(new ClusterOverride(ids.get(i - 1), ids.get(i), ClusterOverride.Kind.MERGE, actor, reason, at));
        }
        return links;
    }

    private List<String> override(List<ClusterOverride> overrides, List<String> records) {
        tables.saveOverrides(overrides);
        maintenance.recluster(records);
        return records.stream().map(id -> tables.clusterOf(id).orElseThrow()).distinct().toList();
    }

    private static List<String> memberIds(UnionRecord u) {
        return u.members().stream().map(UnionRecord.Member::recordId).toList();
    }
}
