package org.tongjie.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.store.PublishedUnions;
import org.tongjie.store.jdbc.Rows;

/**
 * The published union records in SQLite: {@code published_unions} (datestamps, tombstones, fingerprints of
 * the content) and {@code published_members} (which source records each union record was built from).
 */
final class SqlitePublishedUnions implements PublishedUnions {
    private final CatalogStore store;

    SqlitePublishedUnions(CatalogStore store) {
        this.store = store;
    }

    /**
     * Records the union records now built from {@code affected} source records: new or changed ones are
     * staged with their content's fingerprint, and those the affected records were in before and that are
     * no longer there become tombstones. One transaction.
     */
    @Override
    public void stage(Collection<String> affected, List<UnionRecord> unions) {
        store.write(c -> {
            var before = new HashSet<String>();
            InLists.query(c, "SELECT union_id FROM published_members WHERE record_id IN ", affected, rs -> before.add(rs.getString(1)));
            InLists.update(c, "DELETE FROM published_members WHERE record_id IN ", affected);
            var now = new HashSet<String>();
            try (var members = c.prepareStatement("INSERT OR REPLACE INTO published_members (record_id, union_id) VALUES (?, ?)");
                 var upsert = c.prepareStatement(Rows.STAGE_UNION)) {
                for (UnionRecord union : unions) {
                    now.add(union.id());
                    members(members, union);
                    Rows.stageUnion(upsert, union);
                }
                members.executeBatch();
                upsert.executeBatch();
            }
            before.removeAll(now);
            InLists.update(c, "UPDATE published_unions SET staged_deleted = 1, pending = 1 WHERE staged_deleted = 0 AND union_id IN ", before);
            return null;
        });
    }

    private static void members(PreparedStatement st, UnionRecord union) throws SQLException {
        for (UnionRecord.Member m : union.members()) {
            st.setString(1, m.recordId());
            st.setString(2, union.id());
            st.addBatch();
        }
    }

    /** Gives every staged change the datestamp {@code at}; one never published and already gone is dropped. */
    @Override
    public void publish(Instant at) {
        store.write(c -> {
            Rows.publish(c, at);
            return null;
        });
    }

    /** At most {@code limit} entries of the window in (datestamp, id) order. */
    @Override
    public List<Entry> list(Window window, int limit) {
        return store.read(c -> {
            try (var st = c.prepareStatement("""
                    SELECT * FROM published_unions WHERE datestamp IS NOT NULL AND datestamp >= ? AND datestamp <= ?
                      AND libraries LIKE ? ESCAPE '\\' AND (datestamp > ? OR (datestamp = ? AND union_id > ?))
                    ORDER BY datestamp, union_id LIMIT ?""")) {
                Cursor after = window.after().orElse(new Cursor(Instant.EPOCH, ""));
                st.setString(1, Rows.stamp(window.from().orElse(Instant.EPOCH)));
                st.setString(2, Rows.stamp(window.until().orElse(Instant.parse("9999-12-31T23:59:59Z"))));
                st.setString(3, window.library().map(l -> "% " + likeEscaped(l) + " %").orElse("%"));
                st.setString(4, Rows.stamp(after.datestamp()));
                st.setString(5, Rows.stamp(after.datestamp()));
                st.setString(6, after.unionId());
                st.setInt(7, limit);
                return Rows.published(st);
            }
        });
    }

    @Override
    public Optional<Entry> get(String unionId) {
        return store.read(c -> Rows.published(c, unionId));
    }

    /** The earliest datestamp published, if anything was. */
    @Override
    public Optional<Instant> earliest() {
        return store.read(Rows::earliestPublished);
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
