package org.tongjie.store.sqlite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongjie.dedup.Cluster;
import org.tongjie.catalog.ClusterOverride;
import org.tongjie.store.ClusterTables;
import org.tongjie.store.jdbc.Rows;

/**
 * The union records' tables in SQLite: the block keys each record is filed under, the cluster each record is in
 * and how it joined, and the staff overrides. Lookups take many ids at once, since clustering works on
 * whole blocks of records.
 */
final class SqliteClusterTables implements ClusterTables {
    private final CatalogStore store;

    SqliteClusterTables(CatalogStore store) {
        this.store = store;
    }

    /** The block keys now filed for each of the records. */
    @Override
    public Map<String, Set<String>> keysOf(Collection<String> recordIds) {
        var out = new HashMap<String, Set<String>>();
        store.read(c -> {
            InLists.query(c, "SELECT record_id, block_key FROM block_keys WHERE record_id IN ", recordIds,
                    rs -> out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
            return null;
        });
        return out;
    }

    /**
     * Every record filed under any of the keys, except under keys that more than {@code limit} records share:
     * a key that large is shared by unrelated records (a common title with a common name), and following it
     * would recluster a large part of the catalogue for one change.
     */
    @Override
    public Block recordsUnder(Collection<String> keys, int limit) {
        var byKey = new HashMap<String, List<String>>();
        store.read(c -> {
            InLists.query(c, "SELECT block_key, record_id FROM block_keys WHERE block_key IN ", keys,
                    rs -> byKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
            return null;
        });
        var records = new HashSet<String>();
        var oversized = new HashSet<String>();
        byKey.forEach((key, ids) -> {
            if (ids.size() > limit) {
                oversized.add(key);
            } else {
                records.addAll(ids);
            }
        });
        return new Block(records, oversized);
    }

    /** The records in the same clusters as these, themselves included. */
    @Override
    public Set<String> clusterMates(Collection<String> recordIds) {
        var out = new HashSet<String>();
        store.read(c -> {
            InLists.query(c, """
                    SELECT m.record_id FROM cluster_members m JOIN cluster_members r ON m.cluster_id = r.cluster_id
                    WHERE r.record_id IN """, recordIds, rs -> out.add(rs.getString(1)));
            return null;
        });
        return out;
    }

    @Override
    public Optional<String> clusterOf(String recordId) {
        return store.read(c -> {
            try (var st = c.prepareStatement("SELECT cluster_id FROM cluster_members WHERE record_id = ?")) {
                st.setString(1, recordId);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Files the changed records under their new keys (none for a deleted record) and replaces the
     * clusters of every affected record, in one transaction.
     */
    @Override
    public void save(Map<String, Set<String>> newKeys, Collection<String> affected, List<Cluster> clusters) {
        store.write(c -> {
            InLists.update(c, "DELETE FROM block_keys WHERE record_id IN ", newKeys.keySet());
            try (var st = c.prepareStatement("INSERT INTO block_keys (block_key, record_id) VALUES (?, ?)")) {
                for (var entry : newKeys.entrySet()) {
                    for (String key : entry.getValue()) {
                        st.setString(1, key);
                        st.setString(2, entry.getKey());
                        st.addBatch();
                    }
                }
                st.executeBatch();
            }
            InLists.update(c, "DELETE FROM cluster_members WHERE record_id IN ", affected);
            try (var st = c.prepareStatement(
                    "INSERT INTO cluster_members (record_id, cluster_id, rule, matched_with) VALUES (?, ?, ?, ?)")) {
                for (Cluster cluster : clusters) {
                    for (Cluster.Member m : cluster.members()) {
                        st.setString(1, m.recordId());
                        st.setString(2, cluster.id());
                        st.setString(3, m.rule().orElse(null));
                        st.setString(4, m.matchedWith().orElse(null));
                        st.addBatch();
                    }
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /** Forgets every derived row (keys and clusters), before the index is rebuilt; overrides stay. */
    @Override
    public void clearDerived() {
        store.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM block_keys");
                st.executeUpdate("DELETE FROM cluster_members");
            }
            return null;
        });
    }

    @Override
    public void saveOverrides(List<ClusterOverride> overrides) {
        store.write(c -> {
            Rows.saveOverrides(c, overrides);
            return null;
        });
    }

    /** Every override that names any of the records. */
    @Override
    public List<ClusterOverride> overridesOf(Collection<String> recordIds) {
        var out = new HashMap<String, ClusterOverride>();
        store.read(c -> {
            for (String column : List.of("record_a", "record_b")) {
                InLists.query(c, "SELECT * FROM cluster_overrides WHERE " + column + " IN ", recordIds, rs -> {
                    var o = Rows.override(rs);
                    out.put(o.recordA() + "\n" + o.recordB(), o);
                });
            }
            return null;
        });
        return List.copyOf(out.values());
    }
}
