package org.tongjie.store.sqlite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.store.PublishedUnions;

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
                 var upsert = c.prepareStatement(UPSERT)) {
                for (UnionRecord union : unions) {
                    now.add(union.id());
                    members(members, union);
                    upsert(upsert, union);
                }
                members.executeBatch();
                upsert.executeBatch();
            }
            before.removeAll(now);
            InLists.update(c, "UPDATE published_unions SET staged_deleted = 1, pending = 1 WHERE staged_deleted = 0 AND union_id IN ", before);
            return null;
        });
    }

    private static final String UPSERT = """
            INSERT INTO published_unions (union_id, datestamp, deleted, staged_deleted, libraries, fingerprint, pending)
            VALUES (?, NULL, 0, 0, ?, ?, 1)
            ON CONFLICT (union_id) DO UPDATE SET staged_deleted = 0, libraries = excluded.libraries,
              fingerprint = excluded.fingerprint, pending = 1
            WHERE published_unions.fingerprint <> excluded.fingerprint OR published_unions.staged_deleted = 1""";

    private static void members(PreparedStatement st, UnionRecord union) throws SQLException {
        for (UnionRecord.Member m : union.members()) {
            st.setString(1, m.recordId());
            st.setString(2, union.id());
            st.addBatch();
        }
    }

    private static void upsert(PreparedStatement st, UnionRecord union) throws SQLException {
        st.setString(1, union.id());
        st.setString(2, " " + String.join(" ", union.libraries()) + " ");
        st.setString(3, fingerprint(union));
        st.addBatch();
    }

    /** Gives every staged change the datestamp {@code at}; one never published and already gone is dropped. */
    @Override
    public void publish(Instant at) {
        store.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM published_unions WHERE pending = 1 AND staged_deleted = 1 AND datestamp IS NULL");
            }
            try (var st = c.prepareStatement(
                    "UPDATE published_unions SET datestamp = ?, deleted = staged_deleted, pending = 0 WHERE pending = 1")) {
                st.setString(1, stamp(at));
                st.executeUpdate();
            }
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
                st.setString(1, stamp(window.from().orElse(Instant.EPOCH)));
                st.setString(2, stamp(window.until().orElse(Instant.parse("9999-12-31T23:59:59Z"))));
                st.setString(3, window.library().map(l -> "% " + likeEscaped(l) + " %").orElse("%"));
                st.setString(4, stamp(after.datestamp()));
                st.setString(5, stamp(after.datestamp()));
                st.setString(6, after.unionId());
                st.setInt(7, limit);
                return entries(st);
            }
        });
    }

    @Override
    public Optional<Entry> get(String unionId) {
        return store.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM published_unions WHERE union_id = ? AND datestamp IS NOT NULL")) {
                st.setString(1, unionId);
                return entries(st).stream().findFirst();
            }
        });
    }

    /** The earliest datestamp published, if anything was. */
    @Override
    public Optional<Instant> earliest() {
        return store.read(c -> {
            try (var st = c.prepareStatement("SELECT MIN(datestamp) FROM published_unions");
                 var rs = st.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? Optional.of(Instant.parse(rs.getString(1))) : Optional.<Instant>empty();
            }
        });
    }

    private static List<Entry> entries(PreparedStatement st) throws SQLException {
        var out = new ArrayList<Entry>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Entry(rs.getString("union_id"), Instant.parse(rs.getString("datestamp")), rs.getInt("deleted") != 0,
                        Arrays.stream(rs.getString("libraries").split(" ")).filter(s -> !s.isEmpty()).toList()));
            }
        }
        return out;
    }

    /** OAI-PMH's second granularity; text in this form sorts as time does. */
    static String stamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Any change to what is served (description, members, holdings) changes this. */
    static String fingerprint(UnionRecord union) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(union.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
