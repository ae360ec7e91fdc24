package org.tongjie.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.store.jdbc.BufferedBatch;
import org.tongjie.store.jdbc.Transactions;

/**
 * An {@link BufferedBatch} on PostgreSQL: a slice is a few statements, not one per record. The rows the slice
 * names are read at once, what becomes of each record is decided here in the order they came, and the rows
 * are then written as JDBC batches (which the driver sends as multi-row inserts).
 */
final class PostgresBatch extends BufferedBatch {
    /**
     * A stored (or staged) row as far as deciding goes: its bytes, whether deleted, the batch that last wrote it
     * and the record's position there. {@code record} is set once this slice has new content for it.
     */
    private record Row(byte[] raw, boolean deleted, long batchId, OptionalLong position, Optional<SourceRecord> record) {}

    PostgresBatch(Transactions db, long id, String libraryId, Mode mode) {
        super(db, id, libraryId, mode);
    }

    @Override
    protected int[] write(Connection c, List<Item> slice) throws SQLException {
        var quarantined = new ArrayList<Quarantined>();
        var puts = slice.stream().filter(Put.class::isInstance).map(Put.class::cast).toList();
        boolean staging = mode() == Mode.FULL_REPLACE;
        // Taken first: the counter's row lock keeps every other node's record writes out until this commits,
        // so the rows read next stay as read.
        long seq = !staging && !puts.isEmpty() ? nextChangeSeq(c) : 0;
        var rows = staging ? staged(c, puts) : stored(c, puts);
        int[] d = decide(slice, p -> staging ? stage(rows, p, quarantined) : upsert(rows, p, quarantined), quarantined);
        if (staging) {
            writeStaged(c, rows);
        } else {
            writeStored(c, rows, seq);
        }
        insertQuarantine(c, quarantined);
        return d;
    }

    /** The stored rows of the records the slice names, by record id. */
    private static Map<String, Row> stored(Connection c, List<Put> puts) throws SQLException {
        var rows = new LinkedHashMap<String, Row>();
        try (var st = c.prepareStatement("""
                SELECT record_id, raw, deleted, batch_id, batch_position FROM source_records WHERE record_id = ANY (?)""")) {
            st.setArray(1, PostgresRecordStore.texts(c, ids(puts)));
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
            st.setArray(2, PostgresRecordStore.texts(c, ids(puts)));
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
}
