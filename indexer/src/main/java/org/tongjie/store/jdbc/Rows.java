package org.tongjie.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.ClusterOverride;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.LiveTarget;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.catalog.RecordSyntax;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.store.IngestBatch;
import org.tongjie.store.PublishedUnions;
import org.tongjie.store.QuarantinedRecord;

/**
 * The statements and row readings that are the same on every database the store runs on (the SQL both
 * SQLite and PostgreSQL take as written): the member directory, quarantine and source record rows, staff
 * overrides, and publishing union records.
 */
public final class Rows {
    private Rows() {}

    public static void saveLibrary(Connection c, Library library) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO libraries (id, name_zh, name_en, kind, parent_id, address, latitude, longitude,
                  holdings_mapping, live_target, record_identity)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                  kind = excluded.kind, parent_id = excluded.parent_id, address = excluded.address,
                  latitude = excluded.latitude, longitude = excluded.longitude,
                  holdings_mapping = excluded.holdings_mapping, live_target = excluded.live_target,
                  record_identity = excluded.record_identity""")) {
            st.setString(1, library.id());
            st.setString(2, library.nameZh());
            st.setString(3, library.nameEn());
            st.setString(4, library.kind().name());
            st.setString(5, library.parentId().orElse(null));
            st.setString(6, library.address());
            st.setObject(7, library.coordinates().map(Coordinates::latitude).orElse(null), Types.DOUBLE);
            st.setObject(8, library.coordinates().map(Coordinates::longitude).orElse(null), Types.DOUBLE);
            st.setString(9, library.holdingsMapping().map(HoldingsMapping::spec).orElse(null));
            st.setString(10, library.liveTarget().map(LiveTarget::spec).orElse(null));
            st.setString(11, library.recordIdentity().spec());
            st.executeUpdate();
        }
    }

    /** A new ingest batch's id. */
    public static long beginBatch(Connection c, String libraryId, String origin, Instant now, IngestBatch.Mode mode)
            throws SQLException {
        try (var st = c.prepareStatement(
                "INSERT INTO ingest_batches (library_id, origin, started_at, mode) VALUES (?, ?, ?, ?) RETURNING id")) {
            st.setString(1, libraryId);
            st.setString(2, origin);
            st.setString(3, now.toString());
            st.setString(4, mode.name());
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The mode of the member's batch, if it is the member's and unfinished. */
    public static Optional<IngestBatch.Mode> unfinishedBatch(Connection c, String libraryId, long batchId) throws SQLException {
        try (var st = c.prepareStatement(
                "SELECT mode FROM ingest_batches WHERE id = ? AND library_id = ? AND finished_at IS NULL")) {
            st.setLong(1, batchId);
            st.setString(2, libraryId);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(IngestBatch.Mode.valueOf(rs.getString("mode"))) : Optional.empty();
            }
        }
    }

    /** Drops what unfinished uploads started before {@code before} staged; an upload is sent again, never resumed. */
    public static int dropAbandonedStaging(Connection c, Instant before) throws SQLException {
        try (var st = c.prepareStatement("""
                DELETE FROM staged_records WHERE batch_id IN (SELECT id FROM ingest_batches
                  WHERE finished_at IS NULL AND origin = 'upload' AND started_at < ?)""")) {
            st.setString(1, before.toString());
            return st.executeUpdate();
        }
    }

    /** Every member, by id. */
    public static List<Library> libraries(Connection c) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM libraries ORDER BY id"); var rs = st.executeQuery()) {
            var out = new ArrayList<Library>();
            while (rs.next()) {
                double lat = rs.getDouble("latitude");
                Optional<Coordinates> coordinates = rs.wasNull() ? Optional.empty()
                        : Optional.of(new Coordinates(lat, rs.getDouble("longitude")));
                out.add(new Library(rs.getString("id"), rs.getString("name_zh"), rs.getString("name_en"),
                        LibraryKind.valueOf(rs.getString("kind")), Optional.ofNullable(rs.getString("parent_id")),
                        rs.getString("address"), coordinates,
                        Optional.ofNullable(rs.getString("holdings_mapping")).map(HoldingsMapping::parse),
                        Optional.ofNullable(rs.getString("live_target")).map(LiveTarget::parse),
                        Optional.ofNullable(rs.getString("record_identity")).map(RecordIdentity::parse)
                                .orElse(RecordIdentity.CONTROL_NUMBER)));
            }
            return out;
        }
    }

    /** The quarantine's rows a query gives. */
    public static List<QuarantinedRecord> quarantined(PreparedStatement st) throws SQLException {
        try (var rs = st.executeQuery()) {
            var out = new ArrayList<QuarantinedRecord>();
            while (rs.next()) {
                out.add(new QuarantinedRecord(rs.getLong("id"), rs.getLong("batch_id"), rs.getString("library_id"),
                        rs.getLong("position"), Optional.ofNullable(rs.getString("source_id")),
                        rs.getString("reason"), rs.getBytes("raw"), Instant.parse(rs.getString("received_at"))));
            }
            return out;
        }
    }

    /** A {@code source_records} row. */
    public static SourceRecord sourceRecord(ResultSet rs) throws SQLException {
        return new SourceRecord(rs.getString("library_id"), rs.getString("local_id"),
                RecordSyntax.valueOf(rs.getString("syntax")), rs.getBytes("raw"),
                Instant.parse(rs.getString("datestamp")), rs.getInt("deleted") != 0);
    }

    /**
     * One decision per pair (stored as record_a &lt; record_b); a later decision on a pair replaces the earlier,
     * within the list too.
     */
    public static void saveOverrides(Connection c, List<ClusterOverride> overrides) throws SQLException {
        var byPair = new LinkedHashMap<List<String>, ClusterOverride>();
        for (ClusterOverride o : overrides) {
            boolean ordered = o.recordA().compareTo(o.recordB()) < 0;
            byPair.put(ordered ? List.of(o.recordA(), o.recordB()) : List.of(o.recordB(), o.recordA()), o);
        }
        try (var st = c.prepareStatement("""
                INSERT INTO cluster_overrides (record_a, record_b, kind, actor, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (record_a, record_b) DO UPDATE SET kind = excluded.kind, actor = excluded.actor,
                  reason = excluded.reason, created_at = excluded.created_at""")) {
            for (var entry : byPair.entrySet()) {
                ClusterOverride o = entry.getValue();
                st.setString(1, entry.getKey().get(0));
                st.setString(2, entry.getKey().get(1));
                st.setString(3, o.kind().name());
                st.setString(4, o.actor());
                st.setString(5, o.reason());
                st.setString(6, o.at().toString());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** A {@code cluster_overrides} row. */
    public static ClusterOverride override(ResultSet rs) throws SQLException {
        return new ClusterOverride(rs.getString("record_a"), rs.getString("record_b"),
                ClusterOverride.Kind.valueOf(rs.getString("kind")), rs.getString("actor"),
                rs.getString("reason"), Instant.parse(rs.getString("created_at")));
    }

    /**
     * Stages a new or changed union record (its content's fingerprint differs, or it was staged gone); the
     * same content as published keeps its datestamp.
     */
    public static final String STAGE_UNION = """
            INSERT INTO published_unions (union_id, datestamp, deleted, staged_deleted, libraries, fingerprint, pending)
            VALUES (?, NULL, 0, 0, ?, ?, 1)
            ON CONFLICT (union_id) DO UPDATE SET staged_deleted = 0, libraries = excluded.libraries,
              fingerprint = excluded.fingerprint, pending = 1
            WHERE published_unions.fingerprint <> excluded.fingerprint OR published_unions.staged_deleted = 1""";

    /** Adds {@link #STAGE_UNION} for the union record to the statement's batch. */
    public static void stageUnion(PreparedStatement st, UnionRecord union) throws SQLException {
        st.setString(1, union.id());
        st.setString(2, " " + String.join(" ", union.libraries()) + " ");
        st.setString(3, fingerprint(union));
        st.addBatch();
    }

    /** Gives every staged change the datestamp {@code at}; one never published and already gone is dropped. */
    public static void publish(Connection c, Instant at) throws SQLException {
        try (var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM published_unions WHERE pending = 1 AND staged_deleted = 1 AND datestamp IS NULL");
        }
        try (var st = c.prepareStatement(
                "UPDATE published_unions SET datestamp = ?, deleted = staged_deleted, pending = 0 WHERE pending = 1")) {
            st.setString(1, stamp(at));
            st.executeUpdate();
        }
    }

    public static Optional<PublishedUnions.Entry> published(Connection c, String unionId) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM published_unions WHERE union_id = ? AND datestamp IS NOT NULL")) {
            st.setString(1, unionId);
            return published(st).stream().findFirst();
        }
    }

    /** The published union records a query gives. */
    public static List<PublishedUnions.Entry> published(PreparedStatement st) throws SQLException {
        var out = new ArrayList<PublishedUnions.Entry>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new PublishedUnions.Entry(rs.getString("union_id"), Instant.parse(rs.getString("datestamp")),
                        rs.getInt("deleted") != 0,
                        Arrays.stream(rs.getString("libraries").split(" ")).filter(s -> !s.isEmpty()).toList()));
            }
        }
        return out;
    }

    public static Optional<Instant> earliestPublished(Connection c) throws SQLException {
        try (var st = c.prepareStatement("SELECT MIN(datestamp) FROM published_unions"); var rs = st.executeQuery()) {
            return rs.next() && rs.getString(1) != null ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
        }
    }

    /** OAI-PMH's second granularity; text in this form sorts as time does. */
    public static String stamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
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
