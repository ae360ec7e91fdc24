package org.tongjie.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.SourceRecord;

/**
 * The records of one upload or harvest run, written in transactions of {@value #CHUNK} so a file of any
 * size streams through. Every committed record is whole; a run cut off part-way keeps what it committed
 * and its batch stays unfinished (no {@code finished_at}), so resending the file completes it.
 */
public final class IngestBatch implements AutoCloseable {
    static final int CHUNK = 500;

    private final CatalogStore store;
    private final long id;
    private final String libraryId;
    private final List<Object> pending = new ArrayList<>();
    private final int[] counts = new int[Outcome.values().length];
    private boolean closed;

    /** What became of one record; counted per batch. */
    public enum Outcome { ACCEPTED, UPDATED, UNCHANGED, DELETED, QUARANTINED }

    /** Counts of a batch so far. */
    public record Counts(int accepted, int updated, int unchanged, int deleted, int quarantined) {}

    private record Quarantined(long position, Optional<String> sourceId, String reason, byte[] raw, Instant at) {}

    IngestBatch(CatalogStore store, long id, String libraryId) {
        this.store = store;
        this.id = id;
        this.libraryId = libraryId;
    }

    public long id() {
        return id;
    }

    public void put(SourceRecord record) {
        if (!record.libraryId().equals(libraryId)) {
            throw new IllegalArgumentException("batch " + id + " is for library " + libraryId
                    + ", not " + record.libraryId());
        }
        add(record);
    }

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
    public void flush() {
        flush(Optional.empty());
    }

    public Counts counts() {
        return new Counts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** Writes what is pending and marks the batch finished. */
    public Counts finish(Instant now) {
        flush(Optional.of(now));
        closed = true;
        return counts();
    }

    /** Without {@link #finish}, keeps the whole records read so far and leaves the batch unfinished. */
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
            long seq = items.stream().anyMatch(SourceRecord.class::isInstance) ? CatalogStore.nextChangeSeq(c) : 0;
            for (Object item : items) {
                Outcome outcome = switch (item) {
                    case SourceRecord r -> upsert(c, r, seq);
                    case Quarantined q -> insertQuarantine(c, q);
                    default -> throw new IllegalStateException("unexpected pending item " + item);
                };
                d[outcome.ordinal()]++;
            }
            updateBatchRow(c, d, finishedAt);
            return d;
        });
        for (int i = 0; i < counts.length; i++) {
            counts[i] += delta[i];
        }
    }

    private Outcome upsert(Connection c, SourceRecord r, long seq) throws SQLException {
        try (var find = c.prepareStatement("SELECT raw, deleted FROM source_records WHERE record_id = ?")) {
            find.setString(1, r.recordId());
            try (var rs = find.executeQuery()) {
                if (rs.next()) {
                    boolean sameContent = Arrays.equals(rs.getBytes("raw"), r.raw())
                            && (rs.getInt("deleted") != 0) == r.deleted();
                    if (sameContent) {
                        return Outcome.UNCHANGED;
                    }
                    update(c, r, seq);
                    return r.deleted() ? Outcome.DELETED : Outcome.UPDATED;
                }
            }
        }
        insert(c, r, seq);
        return r.deleted() ? Outcome.DELETED : Outcome.ACCEPTED;
    }

    private static void insert(Connection c, SourceRecord r, long seq) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO source_records (record_id, library_id, local_id, syntax, raw, datestamp, deleted, change_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            st.setString(1, r.recordId());
            st.setString(2, r.libraryId());
            st.setString(3, r.localId());
            st.setString(4, r.syntax().name());
            st.setBytes(5, r.raw());
            st.setString(6, r.datestamp().toString());
            st.setInt(7, r.deleted() ? 1 : 0);
            st.setLong(8, seq);
            st.executeUpdate();
        }
    }

    private static void update(Connection c, SourceRecord r, long seq) throws SQLException {
        try (var st = c.prepareStatement("""
                UPDATE source_records SET syntax = ?, raw = ?, datestamp = ?, deleted = ?, change_seq = ?
                WHERE record_id = ?""")) {
            st.setString(1, r.syntax().name());
            st.setBytes(2, r.raw());
            st.setString(3, r.datestamp().toString());
            st.setInt(4, r.deleted() ? 1 : 0);
            st.setLong(5, seq);
            st.setString(6, r.recordId());
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
