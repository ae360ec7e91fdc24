package org.tongjie.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.store.EmptyReplacementException;
import org.tongjie.store.IngestBatch;

/**
 * An {@link IngestBatch} on a SQL database: records and quarantined entries are kept until a slice of
 * {@value #CHUNK} is full, and each slice is written in one transaction ({@link #write}, which each database
 * does its own way). A full replace stages its records and {@link #finish} applies them with SQL over the
 * staged rows, in one transaction, so no id list is held in memory whatever the size.
 */
public abstract class BufferedBatch implements IngestBatch {
    public static final int CHUNK = 500;

    protected final Transactions db;
    protected final long id;
    protected final String libraryId;
    private final Mode mode;
    private final List<Item> pending = new ArrayList<>();
    private final int[] counts = new int[Outcome.values().length];
    private boolean closed;

    /** What became of one record; counted per batch. */
    protected enum Outcome { ACCEPTED, UPDATED, UNCHANGED, DELETED, QUARANTINED }

    /** What a slice holds, in the order it came. */
    protected sealed interface Item permits Put, Quarantined {}

    protected record Quarantined(long position, Optional<String> sourceId, String reason, byte[] raw, Instant at)
            implements Item {}

    /** A record to store; with a position when its id was read from the record (see {@link #add(long, SourceRecord)}). */
    protected record Put(SourceRecord record, OptionalLong position) implements Item {}

    protected BufferedBatch(Transactions db, long id, String libraryId, Mode mode) {
        this.db = db;
        this.id = id;
        this.libraryId = libraryId;
        this.mode = mode;
    }

    /**
     * Writes one slice in one transaction: records applied (incremental) or staged (full replace), and
     * entries quarantined. Returns the count of each {@link Outcome}; staged records are counted when applied.
     */
    protected abstract int[] write(Connection c, List<Item> slice) throws SQLException;

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

    private void add(Item item) {
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
        var slice = List.copyOf(pending);
        pending.clear();
        addCounts(db.write(c -> {
            int[] d = write(c, slice);
            updateBatchRow(c, d, finishedAt);
            return d;
        }));
    }

    protected static int[] noOutcomes() {
        return new int[Outcome.values().length];
    }

    /** What becomes of one record of a slice: null when it is staged (counted once applied). */
    @FunctionalInterface
    protected interface Decision {
        Outcome of(Put p) throws SQLException;
    }

    /** Each item's outcome, in order; entries to quarantine (the slice's own, and repeats) go to {@code quarantined}. */
    protected static int[] decide(List<Item> slice, Decision decision, List<Quarantined> quarantined) throws SQLException {
        int[] d = noOutcomes();
        for (Item item : slice) {
            Outcome outcome = switch (item) {
                case Put p -> decision.of(p);
                case Quarantined q -> {
                    quarantined.add(q);
                    yield Outcome.QUARANTINED;
                }
            };
            if (outcome != null) {
                d[outcome.ordinal()]++;
            }
        }
        return d;
    }

    protected static boolean hasRecords(List<Item> slice) {
        return slice.stream().anyMatch(Put.class::isInstance);
    }

    protected void insertQuarantine(Connection c, List<Quarantined> quarantined) throws SQLException {
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

    protected static void setPosition(java.sql.PreparedStatement st, int index, OptionalLong position) throws SQLException {
        st.setObject(index, position.isPresent() ? position.getAsLong() : null, java.sql.Types.BIGINT);
    }

    /**
     * A second record with one id in one upload: quarantined, the first one kept. The same bytes again are
     * the same record sent twice (or a page a resumed harvest presents again), not a second record.
     */
    protected static Outcome repeated(Put p, long first, List<Quarantined> quarantined) {
        SourceRecord r = p.record();
        long position = p.position().getAsLong();
        quarantined.add(new Quarantined(position, Optional.of(r.localId()),
                "record " + position + " repeats the id '" + r.localId() + "' of record " + first
                        + " in this upload; record " + first + " was kept and record " + position
                        + " was not stored (the member's system, or the record identity set for the member, gives "
                        + "two records one id)", r.raw(), r.datestamp()));
        return Outcome.QUARANTINED;
    }

    /** The next change number; on a server its row stays locked until the transaction ends. */
    protected static long nextChangeSeq(Connection c) throws SQLException {
        try (var st = c.prepareStatement("UPDATE change_counter SET value = value + 1 RETURNING value");
             var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The staged records replace the member's: one change number, one transaction. */
    private int[] applyStaged(Connection c, Instant now) throws SQLException {
        int[] d = noOutcomes();
        if (count(c, "SELECT COUNT(*) FROM staged_records WHERE batch_id = ?") == 0) {
            throw new EmptyReplacementException("full replace of " + libraryId + "'s records in batch " + id
                    + " holds no readable record; applying it would delete all of them, so nothing was changed");
        }
        long seq = nextChangeSeq(c);
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
                UPDATE source_records SET deleted = 1, raw = ?, datestamp = ?, change_seq = ?
                WHERE library_id = ? AND deleted = 0
                  AND NOT EXISTS (SELECT 1 FROM staged_records s
                                  WHERE s.batch_id = ? AND s.record_id = source_records.record_id)""",
                new byte[0], now.toString(), seq, libraryId, id);
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
