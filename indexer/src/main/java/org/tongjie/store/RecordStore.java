package org.tongjie.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.SourceRecord;

/**
 * The hub's record of truth, as the catalogue core needs it: the member directory, every source record as
 * it was sent (with the change number of its last change, which the index follows), ingest batches and the
 * quarantine, the union records' cluster tables and the published union records. Today's implementation is
 * SQLite ({@code org.tongjie.store.sqlite}); writes are serialised and each write transaction takes the next
 * change number, so changes commit in order.
 */
public interface RecordStore extends AutoCloseable {
    void saveLibrary(Library library);

    /** Every member, by id. */
    List<Library> libraries();

    /** Starts an ingest batch for a member, adding to its records or replacing them all. */
    IngestBatch beginBatch(String libraryId, String origin, Instant now, IngestBatch.Mode mode);

    /**
     * The member's unfinished batch {@code batchId} again, to go on staging into it (a full-replace harvest
     * restarted from its checkpoint); empty if it is not the member's, or already finished.
     */
    Optional<IngestBatch> resumeBatch(String libraryId, long batchId);

    /**
     * Drops the staged records of full-replace uploads that never finished (the sender went away) and
     * started before {@code before}; returns how many.
     */
    int dropAbandonedStaging(Instant before);

    /** What one batch quarantined, by position. */
    List<QuarantinedRecord> quarantine(String libraryId, long batchId);

    /** A member's quarantine, newest batch first, a page at a time. */
    List<QuarantinedRecord> quarantine(String libraryId, int offset, int limit);

    long quarantineCount(String libraryId);

    Optional<QuarantinedRecord> quarantined(String libraryId, long id);

    /**
     * Moves a stored record that the index cannot take to its member's quarantine, with the reason: out of the
     * source records (and the cluster tables), into the quarantine of the member's latest batch (the one that
     * sent it, when an upload or harvest is being indexed). Nothing happens when the record is no longer stored.
     */
    void quarantineStored(String recordId, String reason, Instant at);

    /** A source record exactly as its member sent it (deleted ones too, flagged). */
    Optional<SourceRecord> sourceRecord(String recordId);

    /**
     * At most {@code limit} changes after {@code afterSeq}, in change order and by record id within a change
     * number: one change number can cover more records than a limit (a full replace gives all of a
     * member's records one), so reading on goes from the last change read ({@link #changesAfter}).
     */
    List<Change> changesSince(long afterSeq, int limit);

    /** At most {@code limit} changes after {@code last}, in the order of {@link #changesSince}. */
    List<Change> changesAfter(Change last, int limit);

    /** The records with these ids as they now stand, each with the number of its last change. */
    List<Change> current(Collection<String> recordIds);

    /** The union records as the OAI-PMH provider publishes them. */
    PublishedUnions published();

    /** The union records' tables. */
    ClusterTables clusters();

    @Override
    void close();
}
