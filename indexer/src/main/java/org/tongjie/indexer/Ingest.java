package org.tongjie.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.tongjie.marc.MarcSource;
import org.tongjie.store.IngestBatch;
import org.tongjie.store.RecordStore;

/** Members' records coming in: whole files, or record by record in a batch (a harvest's pages). */
public final class Ingest {
    private final RecordStore store;
    private final Libraries libraries;
    private final Maintenance maintenance;
    private final Clock clock;
    private final IngestLimits limits;

    Ingest(RecordStore store, Libraries libraries, Maintenance maintenance, Clock clock, IngestLimits limits) {
        this.store = store;
        this.libraries = libraries;
        this.maintenance = maintenance;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Reads a MARC file (ISO 2709 or MARCXML, told from the content) for a member and stores every record
     * it can read; the rest are quarantined with their reasons. Returns once the records are searchable.
     *
     * @throws UnknownLibraryException if the member is not in the directory
     * @throws org.tongjie.catalog.NotMarcException if the stream is neither ISO 2709 nor XML
     */
    public IngestReport file(String libraryId, InputStream in, String origin) {
        return file(libraryId, in, origin, IngestBatch.Mode.INCREMENTAL);
    }

    /**
     * As {@link #file(String, InputStream, String)}; with {@link IngestBatch.Mode#FULL_REPLACE} the file is all
     * the member holds: its records not in the file are deleted, all at once when the file has been read
     * whole, and a file cut off part-way changes nothing.
     *
     * @throws org.tongjie.store.EmptyReplacementException when a full replace holds no readable record
     */
    public IngestReport file(String libraryId, InputStream in, String origin, IngestBatch.Mode mode) {
        try (var source = MarcSource.open(in, limits.maxRecordBytes()); var batch = open(libraryId, origin, mode)) {
            while (source.hasNext()) {
                batch.add(source.next());
            }
            return batch.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A batch to put records into one at a time, as a harvest does. */
    public RecordBatch open(String libraryId, String origin) {
        return open(libraryId, origin, IngestBatch.Mode.INCREMENTAL);
    }

    /** A batch that adds to the member's records, or (full replace) replaces them all when it finishes. */
    public RecordBatch open(String libraryId, String origin, IngestBatch.Mode mode) {
        var identity = libraries.require(libraryId).recordIdentity();
        return new RecordBatch(this, store.beginBatch(libraryId, origin, clock.instant(), mode), libraryId, identity,
                clock, limits);
    }

    /** The member's unfinished batch again (a harvest resumed from its checkpoint), if it is still unfinished. */
    public Optional<RecordBatch> resume(String libraryId, long batchId) {
        var identity = libraries.require(libraryId).recordIdentity();
        return store.resumeBatch(libraryId, batchId).map(b -> new RecordBatch(this, b, libraryId, identity, clock, limits));
    }

    void syncIndex() {
        maintenance.syncIndex();
    }

    IngestReport report(String libraryId, long batchId, IngestBatch.Counts counts, List<IngestReport.Warning> warnings) {
        var problems = store.quarantine(libraryId, batchId).stream()
                .map(q -> new IngestReport.Problem(q.position(), q.sourceId(), q.reason()))
                .toList();
        // The problems, not the batch's count: a stored record the index could not take is quarantined after
        // the batch counted it (Maintenance), and is one of the problems.
        return new IngestReport(batchId, libraryId, counts.accepted(), counts.updated(), counts.unchanged(),
                counts.deleted(), Math.max(counts.quarantined(), problems.size()), problems, warnings);
    }
}
