package org.tongjie.store;

import java.time.Instant;
import java.util.Optional;
import org.tongjie.catalog.SourceRecord;

/**
 * The records of one upload or harvest run, written in transactions of a few hundred so a file of any size
 * streams through.
 *
 * <p>{@link Mode#INCREMENTAL}: each record is applied as it is written. Every committed record is whole; a
 * run cut off part-way keeps what it committed and its batch stays unfinished, so resending the file
 * completes it.
 *
 * <p>{@link Mode#FULL_REPLACE}: the records are what the member holds, all of it. They are staged as they
 * come and {@link #finish} applies them at once, together with a tombstone for each of the member's records
 * the batch did not send. A run cut off before that changes nothing the index sees; a harvest can
 * {@link RecordStore#resumeBatch resume} staging into the same batch.
 */
public interface IngestBatch extends AutoCloseable {
    /** Whether the batch adds to the member's records or replaces them all. */
    enum Mode { INCREMENTAL, FULL_REPLACE }

    /** Counts of a batch so far. */
    record Counts(int accepted, int updated, int unchanged, int deleted, int quarantined) {}

    long id();

    Mode mode();

    /**
     * A record whose id the source gives (an OAI-PMH identifier), or a deletion: the same id again in this
     * batch is the source's newer version.
     *
     * @throws IllegalArgumentException if the record is another member's
     */
    void put(SourceRecord record);

    /**
     * A record whose id was read from the record itself, at this position of the upload (1 = first). When the
     * batch already holds a record with the same id from another position, this one is not stored: it is
     * quarantined with a reason naming both positions. The same position again (a harvest resumed from its
     * checkpoint sends a page again) is the same record.
     *
     * @throws IllegalArgumentException if the record is another member's
     */
    void add(long position, SourceRecord record);

    void quarantine(long position, Optional<String> sourceId, String reason, byte[] raw, Instant at);

    /** Writes what is pending now, so that everything put so far is durable. */
    void flush();

    Counts counts();

    /**
     * Writes what is pending and marks the batch finished; a full replace applies its staged records then.
     *
     * @throws EmptyReplacementException when a full replace staged no record at all (nothing is changed)
     */
    Counts finish(Instant now);

    /** Without {@link #finish}, keeps the whole records read so far and leaves the batch unfinished. */
    @Override
    void close();
}
