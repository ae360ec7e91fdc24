package org.tongjie.indexer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marc4j.marc.Record;
import org.tongjie.catalog.NotMarcException;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.catalog.RecordSyntax;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.store.IngestBatch;

/**
 * A member's records as they arrive — the entries of an uploaded file, or the pages of a harvest — stored
 * in one ingest batch. {@link #commit()} makes everything so far durable and searchable (a harvest commits
 * after every page, with its checkpoint); unreadable records go to the quarantine with their reason.
 */
public final class RecordBatch implements AutoCloseable {
    private final Ingest ingest;
    private final IngestBatch batch;
    private final String libraryId;
    private final RecordIdentity identity;
    private final Clock clock;
    private final IngestLimits limits;
    private long position;
    private final List<IngestReport.Warning> warnings = new ArrayList<>();

    RecordBatch(Ingest ingest, IngestBatch batch, String libraryId, RecordIdentity identity, Clock clock,
            IngestLimits limits) {
        this.ingest = ingest;
        this.batch = batch;
        this.libraryId = libraryId;
        this.identity = identity;
        this.clock = clock;
        this.limits = limits;
    }

    /** The ingest batch's id, to resume it ({@link Ingest#resume}). */
    public long id() {
        return batch.id();
    }

    /**
     * One ISO 2709 or MARCXML record whose id comes from the record itself (the member's {@link RecordIdentity}),
     * as a Z39.50 target sends them, at this position of the source (1 = first): a record that repeats the id of
     * one from another position is reported, not stored; the same position again is the same record (a page
     * sent again after a resume).
     */
    public void add(long position, byte[] record) {
        this.position = position;
        try (var source = MarcSource.open(new ByteArrayInputStream(record), limits.maxRecordBytes())) {
            MarcEntry entry = source.hasNext() ? source.next()
                    : new MarcEntry.Broken(position, record, "no MARC record in the bytes sent");
            switch (entry) {
                case MarcEntry.Broken broken ->
                        batch.quarantine(position, Optional.empty(), broken.reason(), record, clock.instant());
                case MarcEntry.Parsed parsed -> store(withPosition(parsed));
            }
        } catch (NotMarcException e) {
            batch.quarantine(position, Optional.empty(), e.getMessage(), record, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record read from a file: its id comes from the record itself. */
    void add(MarcEntry entry) {
        position = entry.position();
        switch (entry) {
            case MarcEntry.Broken broken ->
                    batch.quarantine(broken.position(), Optional.empty(), broken.reason(), broken.raw(), clock.instant());
            case MarcEntry.Parsed parsed -> store(parsed);
        }
    }

    /**
     * A record whose id the source gives (an OAI-PMH identifier, {@link RecordIdentity#OAI_IDENTIFIER}): the
     * same id later updates or deletes it, whatever its 001 says, and the same id twice in one harvest is the
     * provider's newer version. The bytes are one ISO 2709 or MARCXML record.
     */
    public void put(String localId, byte[] record) {
        position++;
        try (var source = MarcSource.open(new ByteArrayInputStream(record), limits.maxRecordBytes())) {
            MarcEntry entry = source.hasNext() ? source.next()
                    : new MarcEntry.Broken(position, record, "no MARC record in the bytes sent for " + localId);
            switch (entry) {
                case MarcEntry.Broken broken ->
                        batch.quarantine(position, Optional.of(localId), broken.reason(), record, clock.instant());
                case MarcEntry.Parsed parsed -> storeAs(withPosition(parsed), localId);
            }
        } catch (NotMarcException e) {
            batch.quarantine(position, Optional.of(localId), e.getMessage(), record, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source says the record is gone: it leaves search; the store keeps a tombstone. */
    public void delete(String localId) {
        position++;
        batch.put(new SourceRecord(libraryId, localId, RecordSyntax.MARCXML, new byte[0], clock.instant(), true));
    }

    private MarcEntry.Parsed withPosition(MarcEntry.Parsed p) {
        return p.at(position);
    }

    /** A record known by the member's record identity. */
    private void store(MarcEntry.Parsed parsed) {
        Record record = parsed.record();
        Optional<String> shownId = Optional.ofNullable(record.getControlNumber()).map(String::strip)
                .map(id -> RecordLimits.shown(id, limits));
        if (!fits(parsed, shownId)) {
            return;
        }
        switch (Normalizer.identify(record, parsed.raw(), identity)) {
            case Normalizer.Identification.Unusable u ->
                    batch.quarantine(parsed.position(), shownId, u.reason(), parsed.raw(), clock.instant());
            case Normalizer.Identification.Usable u -> {
                if (idFits(parsed, u.localId())) {
                    batch.add(parsed.position(), new SourceRecord(libraryId, u.localId(), parsed.syntax(), parsed.raw(),
                            clock.instant(), u.deleted()));
                    warn(parsed, u.localId());
                }
            }
        }
    }

    /** A record known by the id its source gives. */
    private void storeAs(MarcEntry.Parsed parsed, String givenId) {
        if (!fits(parsed, Optional.of(RecordLimits.shown(givenId, limits))) || !idFits(parsed, givenId)) {
            return;
        }
        switch (Normalizer.identifyAs(parsed.record(), givenId)) {
            case Normalizer.Identification.Unusable u ->
                    batch.quarantine(parsed.position(), Optional.of(givenId), u.reason(), parsed.raw(), clock.instant());
            case Normalizer.Identification.Usable u -> {
                batch.put(new SourceRecord(libraryId, givenId, parsed.syntax(), parsed.raw(), clock.instant(), u.deleted()));
                warn(parsed, givenId);
            }
        }
    }

    /** A record stored as the lenient reading repaired it: each repair is a warning in the report. */
    private void warn(MarcEntry.Parsed parsed, String localId) {
        parsed.repairs().forEach(r -> warnings.add(new IngestReport.Warning(parsed.position(), localId, r)));
    }

    /** False, with the record quarantined, when one of its fields is larger than a field may be. */
    private boolean fits(MarcEntry.Parsed parsed, Optional<String> shownId) {
        Optional<String> tooLarge = RecordLimits.oversizedField(parsed.record(), limits);
        tooLarge.ifPresent(reason -> batch.quarantine(parsed.position(), shownId, reason, parsed.raw(), clock.instant()));
        return tooLarge.isEmpty();
    }

    /** False, with the record quarantined, when its id is longer than an id may be. */
    private boolean idFits(MarcEntry.Parsed parsed, String localId) {
        Optional<String> longId = RecordLimits.oversizedId(localId, limits);
        longId.ifPresent(reason -> batch.quarantine(parsed.position(), Optional.of(RecordLimits.shown(localId, limits)),
                reason, parsed.raw(), clock.instant()));
        return longId.isEmpty();
    }

    /** Everything put so far becomes durable and searchable. */
    public void commit() {
        batch.flush();
        ingest.syncIndex();
    }

    /** Commits, marks the batch finished and reports on it. */
    public IngestReport finish() {
        var counts = batch.finish(clock.instant());
        ingest.syncIndex();
        return ingest.report(libraryId, batch.id(), counts, warnings);
    }

    /** Without {@link #finish()}: keeps what was read, and the batch stays unfinished. */
    @Override
    public void close() {
        batch.close();
        ingest.syncIndex();
    }
}
