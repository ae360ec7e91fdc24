package org.tongjie.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.store.PublishedUnions;
import org.tongjie.store.jdbc.Rows;
import org.tongjie.store.jdbc.Transactions;

/**
 * The published union records on PostgreSQL: {@code published_unions} (datestamps, tombstones, fingerprints of
 * the content) and {@code published_members} (which source records each union record was built from), as
 * in the SQLite store; a stage is a few statements whatever its size.
 */
final class PostgresPublishedUnions implements PublishedUnions {
    private final Transactions db;

    PostgresPublishedUnions(Transactions db) {
        this.db = db;
    }

    @Override
    public void stage(Collection<String> affected, List<UnionRecord> unions) {
        // One row per id in a statement: a later union record naming a member (or itself) again wins, as
        // one row at a time would.
        var memberOf = new LinkedHashMap<String, String>();
        var byId = new LinkedHashMap<String, UnionRecord>();
        for (UnionRecord union : unions) {
            union.members().forEach(m -> memberOf.put(m.recordId(), union.id()));
            byId.put(union.id(), union);
        }
        db.write(c -> {
            Set<String> before = unionsOf(c, affected);
            try (var st = c.prepareStatement("DELETE FROM published_members WHERE record_id = ANY (?)")) {
                st.setArray(1, PostgresRecordStore.texts(c, affected));
                st.executeUpdate();
            }
            try (var members = c.prepareStatement("""
                    INSERT INTO published_members (record_id, union_id) VALUES (?, ?)
                    ON CONFLICT (record_id) DO UPDATE SET union_id = excluded.union_id""");
                 var upsert = c.prepareStatement(Rows.STAGE_UNION)) {
                for (var m : memberOf.entrySet()) {
                    members.setString(1, m.getKey());
                    members.setString(2, m.getValue());
                    members.addBatch();
                }
                for (UnionRecord union : byId.values()) {
                    Rows.stageUnion(upsert, union);
                }
                members.executeBatch();
                upsert.executeBatch();
            }
            before.removeAll(byId.keySet());
            try (var st = c.prepareStatement("""
                    UPDATE published_unions SET staged_deleted = 1, pending = 1
                    WHERE staged_deleted = 0 AND union_id = ANY (?)""")) {
                st.setArray(1, PostgresRecordStore.texts(c, before));
                st.executeUpdate();
            }
            return null;
        });
    }

    private static Set<String> unionsOf(Connection c, Collection<String> records) throws SQLException {
        var out = new HashSet<String>();
        try (var st = c.prepareStatement("SELECT union_id FROM published_members WHERE record_id = ANY (?)")) {
            st.setArray(1, PostgresRecordStore.texts(c, records));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Override
    public void publish(Instant at) {
        db.write(c -> {
            Rows.publish(c, at);
            return null;
        });
    }

    @Override
    public List<Entry> list(Window window, int limit) {
        return db.read(c -> {
            try (var st = c.prepareStatement("""
                    SELECT * FROM published_unions WHERE datestamp IS NOT NULL AND datestamp >= ? AND datestamp <= ?
                      AND (?::text IS NULL OR position(?::text IN libraries) > 0)
                      AND (datestamp, union_id) > (?, ?)
                    ORDER BY datestamp, union_id LIMIT ?""")) {
                Cursor after = window.after().orElse(new Cursor(Instant.EPOCH, ""));
                String library = window.library().map(l -> " " + l + " ").orElse(null);
                st.setString(1, Rows.stamp(window.from().orElse(Instant.EPOCH)));
                st.setString(2, Rows.stamp(window.until().orElse(Instant.parse("9999-12-31T23:59:59Z"))));
                st.setString(3, library);
                st.setString(4, library);
                st.setString(5, Rows.stamp(after.datestamp()));
                st.setString(6, after.unionId());
                st.setInt(7, limit);
                return Rows.published(st);
            }
        });
    }

    @Override
    public Optional<Entry> get(String unionId) {
        return db.read(c -> Rows.published(c, unionId));
    }

    @Override
    public Optional<Instant> earliest() {
        return db.read(Rows::earliestPublished);
    }
}
