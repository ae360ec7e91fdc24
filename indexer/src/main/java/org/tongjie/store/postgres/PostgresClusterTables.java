package org.tongjie.store.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongjie.catalog.ClusterOverride;
import org.tongjie.dedup.Cluster;
import org.tongjie.store.ClusterTables;
import org.tongjie.store.jdbc.Rows;
import org.tongjie.store.jdbc.Transactions;

/**
 * The union records' tables on PostgreSQL: a lookup over many ids is one statement ({@code = ANY (?)}),
 * and a save writes its rows as JDBC batches.
 */
final class PostgresClusterTables implements ClusterTables {
    private final Transactions db;

    PostgresClusterTables(Transactions db) {
        this.db = db;
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs a query whose one parameter is the list of values, handing every row over. */
    private static void query(Connection c, String sql, Collection<String> values, RowHandler handler) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            st.setArray(1, PostgresRecordStore.texts(c, values));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    private void read(String sql, Collection<String> values, RowHandler handler) {
        db.read(c -> {
            query(c, sql, values, handler);
            return null;
        });
    }

    private static void update(Connection c, String sql, Collection<String> values) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            st.setArray(1, PostgresRecordStore.texts(c, values));
            st.executeUpdate();
        }
    }

    @Override
    public Map<String, Set<String>> keysOf(Collection<String> recordIds) {
        var out = new HashMap<String, Set<String>>();
        read("SELECT record_id, block_key FROM block_keys WHERE record_id = ANY (?)", recordIds,
                rs -> out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
        return out;
    }

    /** The keys more than {@code limit} records share are counted here, and only their names come back. */
    @Override
    public Block recordsUnder(Collection<String> keys, int limit) {
        var records = new HashSet<String>();
        var oversized = new HashSet<String>();
        read("""
                SELECT block_key, record_id, COUNT(*) OVER (PARTITION BY block_key) AS sharing
                FROM block_keys WHERE block_key = ANY (?)""", keys, rs -> {
            if (rs.getLong("sharing") > limit) {
                oversized.add(rs.getString("block_key"));
            } else {
                records.add(rs.getString("record_id"));
            }
        });
        return new Block(records, oversized);
    }

    @Override
    public Set<String> clusterMates(Collection<String> recordIds) {
        var out = new HashSet<String>();
        read("""
                SELECT m.record_id FROM cluster_members m JOIN cluster_members r ON m.cluster_id = r.cluster_id
                WHERE r.record_id = ANY (?)""", recordIds, rs -> out.add(rs.getString(1)));
        return out;
    }

    @Override
    public Optional<String> clusterOf(String recordId) {
        var out = new ArrayList<String>();
        read("SELECT cluster_id FROM cluster_members WHERE record_id = ANY (?)", List.of(recordId),
                rs -> out.add(rs.getString(1)));
        return out.stream().findFirst();
    }

    @Override
    public void save(Map<String, Set<String>> newKeys, Collection<String> affected, List<Cluster> clusters) {
        db.write(c -> {
            update(c, "DELETE FROM block_keys WHERE record_id = ANY (?)", newKeys.keySet());
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
            update(c, "DELETE FROM cluster_members WHERE record_id = ANY (?)", affected);
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

    @Override
    public void clearDerived() {
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("TRUNCATE block_keys, cluster_members");
            }
            return null;
        });
    }

    /** A later decision on the same pair in one list replaces the earlier, as it would one at a time. */
    @Override
    public void saveOverrides(List<ClusterOverride> overrides) {
        db.write(c -> {
            Rows.saveOverrides(c, overrides);
            return null;
        });
    }

    @Override
    public List<ClusterOverride> overridesOf(Collection<String> recordIds) {
        var out = new ArrayList<ClusterOverride>();
        read("""
                SELECT o.* FROM cluster_overrides o, (SELECT ?::text[] AS ids) p
                WHERE o.record_a = ANY (p.ids) OR o.record_b = ANY (p.ids)""", recordIds,
                rs -> out.add(new ClusterOverride(rs.getString("record_a"), rs.getString("record_b"),
                        ClusterOverride.Kind.valueOf(rs.getString("kind")), rs.getString("actor"),
                        rs.getString("reason"), Instant.parse(rs.getString("created_at")))));
        return out;
    }
}
