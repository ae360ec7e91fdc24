package org.tongjie.store.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.store.PublishedUnions;

/**
 * The published union records on PostgreSQL: {@code published_unions} (datestamps, tombstones, fingerprints of
 * the content) and {@code published_members} (which source records each union record was built from), as
 * in the SQLite store; a stage is a few statements whatever its size.
 */
final class PostgresPublishedUnions implements PublishedUnions {
    private final Database db;

    PostgresPublishedUnions(Database db) {
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
                st.setArray(1, Database.texts(c, affected));
                st.executeUpdate();
            }
            try (var members = c.prepareStatement("""
                    INSERT INTO published_members (record_id, union_id) VALUES (?, ?)
                    ON CONFLICT (record_id) DO UPDATE SET union_id = excluded.union_id""");
                 var upsert = c.prepareStatement(UPSERT)) {
                for (var m : memberOf.entrySet()) {
                    members.setString(1, m.getKey());
                    members.setString(2, m.getValue());
                    members.addBatch();
                }
                for (UnionRecord union : byId.values()) {
                    upsert.setString(1, union.id());
                    upsert.setString(2, " " + String.join(" ", union.libraries()) + " ");
                    upsert.setString(3, fingerprint(union));
                    upsert.addBatch();
                }
                members.executeBatch();
                upsert.executeBatch();
            }
            before.removeAll(byId.keySet());
            try (var st = c.prepareStatement("""
                    UPDATE published_unions SET staged_deleted = 1, pending = 1
                    WHERE staged_deleted = 0 AND union_id = ANY (?)""")) {
                st.setArray(1, Database.texts(c, before));
                st.executeUpdate();
            }
            return null;
        });
    }

    private static Set<String> unionsOf(Connection c, Collection<String> records) throws SQLException {
        var out = new HashSet<String>();
        try (var st = c.prepareStatement("SELECT union_id FROM published_members WHERE record_id = ANY (?)")) {
            st.setArray(1, Database.texts(c, records));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static final String UPSERT = """
            INSERT INTO published_unions (union_id, datestamp, deleted, staged_deleted, libraries, fingerprint, pending)
            VALUES (?, NULL, 0, 0, ?, ?, 1)
            ON CONFLICT (union_id) DO UPDATE SET staged_deleted = 0, libraries = excluded.libraries,
              fingerprint = excluded.fingerprint, pending = 1
            WHERE published_unions.fingerprint <> excluded.fingerprint OR published_unions.staged_deleted = 1""";

    @Override
    public void publish(Instant at) {
        db.write(c -> {
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
                st.setString(1, stamp(window.from().orElse(Instant.EPOCH)));
                st.setString(2, stamp(window.until().orElse(Instant.parse("9999-12-31T23:59:59Z"))));
                st.setString(3, library);
                st.setString(4, library);
                st.setString(5, stamp(after.datestamp()));
                st.setString(6, after.unionId());
                st.setInt(7, limit);
                return entries(st);
            }
        });
    }

    @Override
    public Optional<Entry> get(String unionId) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM published_unions WHERE union_id = ? AND datestamp IS NOT NULL")) {
                st.setString(1, unionId);
                return entries(st).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<Instant> earliest() {
        return db.read(c -> {
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
    private static String stamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Any change to what is served (description, members, holdings) changes this; computed as the SQLite store
     * does, so a catalogue moved from one to the other keeps its datestamps.
     */
    private static String fingerprint(UnionRecord union) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(union.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
