package org.tongjie.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.store.EmptyReplacementException;
import org.tongjie.store.IngestBatch;

/**
 * An {@link IngestBatch} in SQLite. A full replace stages its records in {@code staged_records} and applies
 * them with SQL over the staged rows in one transaction, so no id list is held in memory whatever the size.
 */
final class SqliteBatch implements IngestBatch {
    static final int CHUNK = 500;

    private final CatalogStore store;
    private final long id;
    private final String libraryId;
    private final Mode mode;
    private final List<Object> pending = new ArrayList<>();
    private final int[] counts = new int[Outcome.values().length];
    private boolean closed;

    /** What became of one record; counted per batch. */
    private enum Outcome { ACCEPTED, UPDATED, UNCHANGED, DELETED, QUARANTINED }

    private record Quarantined(long position, Optional<String> sourceId, String reason, byte[] raw, Instant at) {}

    /** A record to store; with a position when its id was read from the record (see {@link #add(long, SourceRecord)}). */
    private record Put(SourceRecord record, OptionalLong position) {}

    SqliteBatch(CatalogStore store, long id, String libraryId, Mode mode) {
        this.store = store;
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

    /** Writes what is pending now, so that everything put so far is durable. */
    @Override
    public void flush() {
        flush(Optional.empty());
    }

    @Override
    public Counts counts() {
        return new Counts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /**
     * Writes what is pending and marks the batch finished; a full replace applies its staged records then.
     *
     * @throws EmptyReplacementException when a full replace staged no record at all (nothing is changed)
     */
    @Override
    public Counts finish(Instant now) {
        if (mode == Mode.FULL_REPLACE) {
            flush(Optional.empty());
            closed = true;
            int[] delta = store.write(c -> applyStaged(c, now));
            for (int i = 0; i < counts.length; i++) {
                counts[i] += delta[i];
            }
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

    private void flush(Optional<Instant> finishedAt) {
        var items = List.copyOf(pending);
        pending.clear();
        int[] delta = store.write(c -> {
            int[] d = new int[counts.length];
            long seq = mode == Mode.INCREMENTAL && items.stream().anyMatch(Put.class::isInstance)
                    ? CatalogStore.nextChangeSeq(c) : 0;
            for (Object item : items) {
                Outcome outcome = switch (item) {
                    case Put p when mode == Mode.FULL_REPLACE -> stage(c, p);
                    case Put p -> upsert(c, p, seq);
                    case Quarantined q -> insertQuarantine(c, q);
                    default -> throw new IllegalStateException("unexpected pending item " + item);
                };
                if (outcome != null) {
                    d[outcome.ordinal()]++;
                }
            }
            updateBatchRow(c, d, finishedAt);
            return d;
        });
        for (int i = 0; i < counts.length; i++) {
            counts[i] += delta[i];
        }
    }

    /** Staged, not yet applied: counted when {@link #finish} applies it (so null here). */
    private Outcome stage(Connection c, Put p) throws SQLException {
        SourceRecord r = p.record();
        if (p.position().isPresent()) {
            OptionalLong first = earlierPosition(c, r, p.position().getAsLong());
            if (first.isPresent()) {
                return repeated(c, p, first.getAsLong());
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

    /**
     * A second record with one id in one upload: quarantined, the first one kept. The same bytes again are
     * the same record sent twice (or a page a resumed harvest presents again), not a second record.
     */
    private Outcome repeated(Connection c, Put p, long first) throws SQLException {
        SourceRecord r = p.record();
        long position = p.position().getAsLong();
        return insertQuarantine(c, new Quarantined(position, Optional.of(r.localId()),
                "record " + position + " repeats the id '" + r.localId() + "' of record " + first
                        + " in this upload; record " + first + " was kept and record " + position
                        + " was not stored (the member's system, or the record identity set for the member, gives "
                        + "two records one id)", r.raw(), r.datestamp()));
    }

    private static void setPosition(java.sql.PreparedStatement st, int index, OptionalLong position) throws SQLException {
        if (position.isPresent()) {
            st.setLong(index, position.getAsLong());
        } else {
            st.setNull(index, java.sql.Types.INTEGER);
        }
    }

    /** The staged records replace the member's: one change number, one transaction. */
    private int[] applyStaged(Connection c, Instant now) throws SQLException {
        int[] d = new int[counts.length];
        if (count(c, "SELECT COUNT(*) FROM staged_records WHERE batch_id = ?") == 0) {
            throw new EmptyReplacementException("full replace of " + libraryId + "'s records in batch " + id
                    + " holds no readable record; applying it would delete all of them, so nothing was changed");
        }
        long seq = CatalogStore.nextChangeSeq(c);
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
                      AND (source_records.raw != s.raw OR source_records.deleted != s.deleted)""", seq, id, deleted);
            Outcome added = deleted == 1 ? Outcome.DELETED : Outcome.ACCEPTED;
            d[added.ordinal()] += update(c, """
                    INSERT INTO source_records (record_id, library_id, local_id, syntax, raw, datestamp, deleted, change_seq)
                    SELECT s.record_id, s.library_id, s.local_id, s.syntax, s.raw, s.datestamp, s.deleted, ?
                    FROM staged_records s
                    WHERE s.batch_id = ? AND s.deleted = ?
                      AND NOT EXISTS (SELECT 1 FROM source_records r WHERE r.record_id = s.record_id)""", seq, id, deleted);
        }
        d[Outcome.DELETED.ordinal()] += update(c, """
                UPDATE source_records SET deleted = 1, raw = x'', datestamp = ?, change_seq = ?
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
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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

    private Outcome upsert(Connection c, Put p, long seq) throws SQLException {
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
                        return repeated(c, p, first);
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

    private Outcome insertQuarantine(Connection c, Quarantined q) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO quarantine (batch_id, library_id, position, source_id, reason, raw, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            st.setLong(1, id);
            st.setString(2, libraryId);
            st.setLong(3, q.position());
            st.setString(4, q.sourceId().orElse(null));
            st.setString(5, q.reason());
            st.setBytes(6, q.raw());
            st.setString(7, q.at().toString());
            st.executeUpdate();
        }
        return Outcome.QUARANTINED;
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
