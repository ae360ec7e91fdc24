package org.tongjie.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.store.EmptyReplacementException;
import org.tongjie.store.IngestBatch;

/**
 * An {@link IngestBatch} on PostgreSQL. Records are written a slice at a time, each slice one transaction
 * and a few statements: the rows the slice names are read at once, what becomes of each record is decided
 * here in the order they came, and the rows are then written as JDBC batches (sent as multi-row inserts). A
 * full replace stages its records in {@code staged_records} and applies them with SQL over the staged rows.
 */
final class PostgresBatch implements IngestBatch {
    static final int CHUNK = 500;

    private final Database db;
    private final long id;
    private final String libraryId;
    private final Mode mode;
    private final List<Object> pending = new ArrayList<>();
    private final int[] counts = new int[Outcome.values().length];
    private boolean closed;

    /** What became of one record; counted per batch. */
    private enum Outcome { ACCEPTED, UPDATED, UNCHANGED, DELETED, QUARANTINED }

    private record Quarantined(long position, Optional<String> sourceId, String reason, byte[] raw, Instant at) {}

    /** A record to store; with a position when its id was read from the record. */
    private record Put(SourceRecord record, OptionalLong position) {}

    /**
     * A stored (or staged) row as far as deciding goes: its bytes, whether deleted, the batch that last wrote it
     * and the record's position there. {@code record} is set once this slice has new content for it.
     */
    private record Row(byte[] raw, boolean deleted, long batchId, OptionalLong position, Optional<SourceRecord> record) {}

    PostgresBatch(Database db, long id, String libraryId, Mode mode) {
        this.db = db;
        this.id = id;
        this.libraryId = libraryId;
        this.mode = mode;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public void put(SourceRecord record) {
        requireOwn(record);
        add(new Put(record, OptionalLong.empty()));
    }

    @Override
    public void add(long position, SourceRecord record) {
        requireOwn(record);
        add(new Put(record, OptionalLong.of(position)));
    }

    private void requireOwn(SourceRecord record) {
        if (!record.libraryId().equals(libraryId)) {
            throw new IllegalArgumentException("batch " + id + " is for library " + libraryId
                    + ", not " + record.libraryId());
        }
    }

    @Override
    public void quarantine(long position, Optional<String> sourceId, String reason, byte[] raw, Instant at) {
        add(new Quarantined(position, sourceId, reason, raw, at));
    }

    private void add(Object item) {
        if (closed) {
            throw new IllegalStateException("batch " + id + " is closed");
        }
        pending.add(item);
        if (pending.size() >= CHUNK) {
            flush(Optional.empty());
        }
    }

    @Override
    public void flush() {
        flush(Optional.empty());
    }

    @Override
    public Counts counts() {
        return new Counts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    @Override
    public Counts finish(Instant now) {
        if (mode == Mode.FULL_REPLACE) {
            flush(Optional.empty());
            closed = true;
            addCounts(db.write(c -> applyStaged(c, now)));
            return counts();
        }
        flush(Optional.of(now));
        closed = true;
        return counts();
    }

    @Override
    public void close() {
        if (!closed) {
            flush(Optional.empty());
            closed = true;
        }
    }

    private void addCounts(int[] delta) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += delta[i];
        }
    }

    private void flush(Optional<Instant> finishedAt) {
        var items = List.copyOf(pending);
        pending.clear();
        addCounts(db.write(c -> {
            int[] d = new int[counts.length];
            var quarantined = new ArrayList<Quarantined>();
            var puts = items.stream().filter(Put.class::isInstance).map(Put.class::cast).toList();
            // Taken first: the counter's row lock keeps every other node's record writes out until this commits,
            // so the rows read next stay as read.
            long seq = mode == Mode.INCREMENTAL && !puts.isEmpty() ? Database.nextChangeSeq(c) : 0;
            var rows = mode == Mode.FULL_REPLACE ? staged(c, puts) : stored(c, puts);
            for (Object item : items) {
                Outcome outcome = switch (item) {
                    case Put p when mode == Mode.FULL_REPLACE -> stage(rows, p, quarantined);
                    case Put p -> upsert(rows, p, quarantined);
                    case Quarantined q -> {
                        quarantined.add(q);
                        yield Outcome.QUARANTINED;
                    }
                    default -> throw new IllegalStateException("unexpected pending item " + item);
                };
                if (outcome != null) {
                    d[outcome.ordinal()]++;
                }
            }
            if (mode == Mode.FULL_REPLACE) {
                writeStaged(c, rows);
            } else {
                writeStored(c, rows, seq);
            }
            insertQuarantine(c, quarantined);
            updateBatchRow(c, d, finishedAt);
            return d;
        }));
    }

    /** The stored rows of the records the slice names, by record id. */
    private static Map<String, Row> stored(Connection c, List<Put> puts) throws SQLException {
        var rows = new LinkedHashMap<String, Row>();
        try (var st = c.prepareStatement("""
                SELECT record_id, raw, deleted, batch_id, batch_position FROM source_records WHERE record_id = ANY (?)""")) {
            st.setArray(1, Database.texts(c, ids(puts)));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    long batch = rs.getLong("batch_id");
                    long position = rs.getLong("batch_position");
                    rows.put(rs.getString("record_id"), new Row(rs.getBytes("raw"), rs.getInt("deleted") != 0, batch,
                            rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(position), Optional.empty()));
                }
            }
        }
        return rows;
    }

    /** The rows this batch already staged for the records the slice names, by record id. */
    private Map<String, Row> staged(Connection c, List<Put> puts) throws SQLException {
        var rows = new LinkedHashMap<String, Row>();
        try (var st = c.prepareStatement(
                "SELECT record_id, raw, deleted, position FROM staged_records WHERE batch_id = ? AND record_id = ANY (?)")) {
            st.setLong(1, id);
            st.setArray(2, Database.texts(c, ids(puts)));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong("position");
                    rows.put(rs.getString("record_id"), new Row(rs.getBytes("raw"), rs.getInt("deleted") != 0, id,
                            rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(position), Optional.empty()));
                }
            }
        }
        return rows;
    }

    private static List<String> ids(List<Put> puts) {
        return puts.stream().map(p -> p.record().recordId()).distinct().toList();
    }

    /** Staged, not yet applied: counted when {@link #finish} applies it (so null here). */
    private Outcome stage(Map<String, Row> rows, Put p, List<Quarantined> quarantined) {
        SourceRecord r = p.record();
        Row before = rows.get(r.recordId());
        if (before != null && p.position().isPresent() && before.position().isPresent()
                && before.position().getAsLong() != p.position().getAsLong() && !Arrays.equals(before.raw(), r.raw())) {
            return repeated(p, before.position().getAsLong(), quarantined);
        }
        rows.put(r.recordId(), new Row(r.raw(), r.deleted(), id, p.position(), Optional.of(r)));
        return null;
    }

    private Outcome upsert(Map<String, Row> rows, Put p, List<Quarantined> quarantined) {
        SourceRecord r = p.record();
        Row before = rows.get(r.recordId());
        if (before == null) {
            rows.put(r.recordId(), new Row(r.raw(), r.deleted(), id, p.position(), Optional.of(r)));
            return r.deleted() ? Outcome.DELETED : Outcome.ACCEPTED;
        }
        boolean sameContent = Arrays.equals(before.raw(), r.raw()) && before.deleted() == r.deleted();
        if (before.batchId() == id && before.position().isPresent() && p.position().isPresent()
                && before.position().getAsLong() != p.position().getAsLong() && !sameContent) {
            return repeated(p, before.position().getAsLong(), quarantined);
        }
        if (sameContent) {
            // An unchanged record still belongs to this batch, so a repeat of its id later in the upload is caught.
            if (before.batchId() != id) {
                rows.put(r.recordId(), new Row(before.raw(), before.deleted(), id, p.position(), before.record()));
            }
            return Outcome.UNCHANGED;
        }
        rows.put(r.recordId(), new Row(r.raw(), r.deleted(), id, p.position(), Optional.of(r)));
        return r.deleted() ? Outcome.DELETED : Outcome.UPDATED;
    }

    /**
     * A second record with one id in one upload: quarantined, the first one kept. The same bytes again are
     * the same record sent twice (or a page a resumed harvest presents again), not a second record.
     */
    private static Outcome repeated(Put p, long first, List<Quarantined> quarantined) {
        SourceRecord r = p.record();
        long position = p.position().getAsLong();
        quarantined.add(new Quarantined(position, Optional.of(r.localId()),
                "record " + position + " repeats the id '" + r.localId() + "' of record " + first
                        + " in this upload; record " + first + " was kept and record " + position
                        + " was not stored (the member's system, or the record identity set for the member, gives "
                        + "two records one id)", r.raw(), r.datestamp()));
        return Outcome.QUARANTINED;
    }

    /** Every record whose content changed in this slice, as it ends the slice; the others' new batch marks. */
    private void writeStored(Connection c, Map<String, Row> rows, long seq) throws SQLException {
        try (var content = c.prepareStatement("""
                INSERT INTO source_records (record_id, library_id, local_id, syntax, raw, datestamp, deleted, change_seq,
                  batch_id, batch_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (record_id) DO UPDATE SET syntax = excluded.syntax, raw = excluded.raw,
                  datestamp = excluded.datestamp, deleted = excluded.deleted, change_seq = excluded.change_seq,
                  batch_id = excluded.batch_id, batch_position = excluded.batch_position""");
             var mark = c.prepareStatement("""
                UPDATE source_records SET batch_id = ?, batch_position = ? WHERE record_id = ? AND batch_id IS DISTINCT FROM ?""")) {
            for (var entry : rows.entrySet()) {
                Row row = entry.getValue();
                if (row.record().isPresent()) {
                    recordColumns(content, row.record().get(), 1);
                    content.setLong(8, seq);
                    content.setLong(9, id);
                    setPosition(content, 10, row.position());
                    content.addBatch();
                } else if (row.batchId() == id) {
                    mark.setLong(1, id);
                    setPosition(mark, 2, row.position());
                    mark.setString(3, entry.getKey());
                    mark.setLong(4, id);
                    mark.addBatch();
                }
            }
            content.executeBatch();
            mark.executeBatch();
        }
    }

    /** The slice's staged records, each as it ends the slice (a later one with its id replaces it). */
    private void writeStaged(Connection c, Map<String, Row> rows) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO staged_records (record_id, library_id, local_id, syntax, raw, datestamp, deleted, batch_id, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (batch_id, record_id) DO UPDATE SET local_id = excluded.local_id, syntax = excluded.syntax,
                  raw = excluded.raw, datestamp = excluded.datestamp, deleted = excluded.deleted, position = excluded.position""")) {
            for (Row row : rows.values()) {
                if (row.record().isPresent()) {
                    recordColumns(st, row.record().get(), 1);
                    st.setLong(8, id);
                    setPosition(st, 9, row.position());
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
    }

    /** record_id, library_id, local_id, syntax, raw, datestamp and deleted, from {@code first} on. */
    private static void recordColumns(PreparedStatement st, SourceRecord r, int first) throws SQLException {
        st.setString(first, r.recordId());
        st.setString(first + 1, r.libraryId());
        st.setString(first + 2, r.localId());
        st.setString(first + 3, r.syntax().name());
        st.setBytes(first + 4, r.raw());
        st.setString(first + 5, r.datestamp().toString());
        st.setInt(first + 6, r.deleted() ? 1 : 0);
    }

    private static void setPosition(PreparedStatement st, int index, OptionalLong position) throws SQLException {
        st.setObject(index, position.isPresent() ? position.getAsLong() : null, Types.BIGINT);
    }

    /** The staged records replace the member's: one change number, one transaction. */
    private int[] applyStaged(Connection c, Instant now) throws SQLException {
        int[] d = new int[counts.length];
        if (count(c, "SELECT COUNT(*) FROM staged_records WHERE batch_id = ?") == 0) {
            throw new EmptyReplacementException("full replace of " + libraryId + "'s records in batch " + id
                    + " holds no readable record; applying it would delete all of them, so nothing was changed");
        }
        long seq = Database.nextChangeSeq(c);
        d[Outcome.UNCHANGED.ordinal()] = (int) count(c, """
                SELECT COUNT(*) FROM staged_records s JOIN source_records r ON r.record_id = s.record_id
                WHERE s.batch_id = ? AND r.raw = s.raw AND r.deleted = s.deleted""");
        for (int deleted = 0; deleted <= 1; deleted++) {
            Outcome changed = deleted == 1 ? Outcome.DELETED : Outcome.UPDATED;
            d[changed.ordinal()] += update(c, """
                    UPDATE source_records SET syntax = s.syntax, raw = s.raw, datestamp = s.datestamp,
                      deleted = s.deleted, change_seq = ?
                    FROM staged_records s
                    WHERE s.batch_id = ? AND s.record_id = source_records.record_id AND s.deleted = ?
                      AND (source_records.raw <> s.raw OR source_records.deleted <> s.deleted)""", seq, id, deleted);
            Outcome added = deleted == 1 ? Outcome.DELETED : Outcome.ACCEPTED;
            d[added.ordinal()] += update(c, """
                    INSERT INTO source_records (record_id, library_id, local_id, syntax, raw, datestamp, deleted, change_seq)
                    SELECT s.record_id, s.library_id, s.local_id, s.syntax, s.raw, s.datestamp, s.deleted, ?
                    FROM staged_records s
                    WHERE s.batch_id = ? AND s.deleted = ?
                      AND NOT EXISTS (SELECT 1 FROM source_records r WHERE r.record_id = s.record_id)""", seq, id, deleted);
        }
        d[Outcome.DELETED.ordinal()] += update(c, """
                UPDATE source_records SET deleted = 1, raw = ''::bytea, datestamp = ?, change_seq = ?
                WHERE library_id = ? AND deleted = 0
                  AND NOT EXISTS (SELECT 1 FROM staged_records s
                                  WHERE s.batch_id = ? AND s.record_id = source_records.record_id)""",
                now.toString(), seq, libraryId, id);
        update(c, "DELETE FROM staged_records WHERE batch_id = ?", id);
        updateBatchRow(c, d, Optional.of(now));
        return d;
    }

    private long count(Connection c, String sql) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            return PostgresRecordStore.single(st).orElseThrow();
        }
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            return st.executeUpdate();
        }
    }

    private void insertQuarantine(Connection c, List<Quarantined> quarantined) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO quarantine (batch_id, library_id, position, source_id, reason, raw, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Quarantined q : quarantined) {
                st.setLong(1, id);
                st.setString(2, libraryId);
                st.setLong(3, q.position());
                st.setString(4, q.sourceId().orElse(null));
                st.setString(5, q.reason());
                st.setBytes(6, q.raw());
                st.setString(7, q.at().toString());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private void updateBatchRow(Connection c, int[] d, Optional<Instant> finishedAt) throws SQLException {
        try (var st = c.prepareStatement("""
                UPDATE ingest_batches SET accepted = accepted + ?, updated = updated + ?, unchanged = unchanged + ?,
                  deleted = deleted + ?, quarantined = quarantined + ?, finished_at = COALESCE(?, finished_at)
                WHERE id = ?""")) {
            for (int i = 0; i < d.length; i++) {
                st.setInt(i + 1, d[i]);
            }
            st.setString(6, finishedAt.map(Instant::toString).orElse(null));
            st.setLong(7, id);
            st.executeUpdate();
        }
    }
}
