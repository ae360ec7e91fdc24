package org.tongjie.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.store.jdbc.BufferedBatch;
import org.tongjie.store.jdbc.Transactions;

/**
 * An {@link BufferedBatch} in SQLite: each record of a slice is looked up and written in turn (in-process
 * SQLite answers a statement faster than a server answers a round trip).
 */
final class SqliteBatch extends BufferedBatch {
    SqliteBatch(Transactions db, long id, String libraryId, Mode mode) {
        super(db, id, libraryId, mode);
    }

    @Override
    protected int[] write(Connection c, List<Item> slice) throws SQLException {
        var quarantined = new ArrayList<Quarantined>();
        long seq = mode() == Mode.INCREMENTAL && hasRecords(slice) ? nextChangeSeq(c) : 0;
        int[] d = decide(slice, p -> mode() == Mode.FULL_REPLACE ? stage(c, p, quarantined) : upsert(c, p, seq, quarantined),
                quarantined);
        insertQuarantine(c, quarantined);
        return d;
    }

    /** Staged, not yet applied: counted when {@link #finish} applies it (so null here). */
    private Outcome stage(Connection c, Put p, List<Quarantined> quarantined) throws SQLException {
        SourceRecord r = p.record();
        if (p.position().isPresent()) {
            OptionalLong first = earlierPosition(c, r, p.position().getAsLong());
            if (first.isPresent()) {
                return repeated(p, first.getAsLong(), quarantined);
            }
        }
        try (var st = c.prepareStatement("""
                INSERT OR REPLACE INTO staged_records (batch_id, record_id, library_id, local_id, syntax, raw, datestamp, deleted, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            st.setLong(1, id);
            st.setString(2, r.recordId());
            st.setString(3, r.libraryId());
            st.setString(4, r.localId());
            st.setString(5, r.syntax().name());
            st.setBytes(6, r.raw());
            st.setString(7, r.datestamp().toString());
            st.setInt(8, r.deleted() ? 1 : 0);
            setPosition(st, 9, p.position());
            st.executeUpdate();
        }
        return null;
    }

    /** The position of another record this batch staged under the id, when it came from another position. */
    private OptionalLong earlierPosition(Connection c, SourceRecord r, long position) throws SQLException {
        try (var st = c.prepareStatement("SELECT position, raw FROM staged_records WHERE batch_id = ? AND record_id = ?")) {
            st.setLong(1, id);
            st.setString(2, r.recordId());
            try (var rs = st.executeQuery()) {
                if (rs.next()) {
                    long first = rs.getLong(1);
                    if (!rs.wasNull() && first != position && !Arrays.equals(rs.getBytes(2), r.raw())) {
                        return OptionalLong.of(first);
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    private Outcome upsert(Connection c, Put p, long seq, List<Quarantined> quarantined) throws SQLException {
        SourceRecord r = p.record();
        try (var find = c.prepareStatement(
                "SELECT raw, deleted, batch_id, batch_position FROM source_records WHERE record_id = ?")) {
            find.setString(1, r.recordId());
            try (var rs = find.executeQuery()) {
                if (rs.next()) {
                    boolean sameContent = Arrays.equals(rs.getBytes("raw"), r.raw())
                            && (rs.getInt("deleted") != 0) == r.deleted();
                    long batch = rs.getLong("batch_id");
                    long first = rs.getLong("batch_position");
                    if (!rs.wasNull() && batch == id && p.position().isPresent() && first != p.position().getAsLong()
                            && !sameContent) {
                        return repeated(p, first, quarantined);
                    }
                    if (sameContent) {
                        markBatch(c, p);
                        return Outcome.UNCHANGED;
                    }
                    update(c, p, seq);
                    return r.deleted() ? Outcome.DELETED : Outcome.UPDATED;
                }
            }
        }
        insert(c, p, seq);
        return r.deleted() ? Outcome.DELETED : Outcome.ACCEPTED;
    }

    /** An unchanged record still belongs to this batch, so a repeat of its id later in the upload is caught. */
    private void markBatch(Connection c, Put p) throws SQLException {
        try (var st = c.prepareStatement("""
                UPDATE source_records SET batch_id = ?, batch_position = ?
                WHERE record_id = ? AND (batch_id IS NULL OR batch_id != ?)""")) {
            st.setLong(1, id);
            setPosition(st, 2, p.position());
            st.setString(3, p.record().recordId());
            st.setLong(4, id);
            st.executeUpdate();
        }
    }

    private void insert(Connection c, Put p, long seq) throws SQLException {
        SourceRecord r = p.record();
        try (var st = c.prepareStatement("""
                INSERT INTO source_records (record_id, library_id, local_id, syntax, raw, datestamp, deleted, change_seq,
                  batch_id, batch_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            st.setString(1, r.recordId());
            st.setString(2, r.libraryId());
            st.setString(3, r.localId());
            st.setString(4, r.syntax().name());
            st.setBytes(5, r.raw());
            st.setString(6, r.datestamp().toString());
            st.setInt(7, r.deleted() ? 1 : 0);
            st.setLong(8, seq);
            st.setLong(9, id);
            setPosition(st, 10, p.position());
            st.executeUpdate();
        }
    }

    private void update(Connection c, Put p, long seq) throws SQLException {
        SourceRecord r = p.record();
        try (var st = c.prepareStatement("""
                UPDATE source_records SET syntax = ?, raw = ?, datestamp = ?, deleted = ?, change_seq = ?,
                  batch_id = ?, batch_position = ?
                WHERE record_id = ?""")) {
            st.setString(1, r.syntax().name());
            st.setBytes(2, r.raw());
            st.setString(3, r.datestamp().toString());
            st.setInt(4, r.deleted() ? 1 : 0);
            st.setLong(5, seq);
            st.setLong(6, id);
            setPosition(st, 7, p.position());
            st.setString(8, r.recordId());
            st.executeUpdate();
        }
    }
}
