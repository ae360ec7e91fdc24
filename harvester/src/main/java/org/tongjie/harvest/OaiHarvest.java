package org.tongjie.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.harvest.oai.BadResumptionTokenException;
import org.tongjie.harvest.oai.OaiPmhClient;
import org.tongjie.harvest.oai.OaiRecord;
import org.tongjie.harvest.oai.OaiRecordSink;
import org.tongjie.harvest.oai.PageCheckpoint;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestReport;
import org.tongjie.indexer.RecordBatch;

/**
 * One harvest of a member's OAI-PMH provider into the catalogue. Records are keyed by their OAI
 * identifier, so a later change or delete at the source finds them. After every page the records are
 * committed and the resumption token saved, so a run cut off (even by kill -9) resumes where it stopped;
 * records of the last, uncommitted page come again and change nothing. A finished run makes the next one
 * incremental from when it started, less a minute for clocks that disagree.
 */
public final class OaiHarvest {
    private static final Logger LOG = LoggerFactory.getLogger(OaiHarvest.class);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private OaiHarvest() {}

    public static IngestReport run(Catalog catalog, HarvestLog log, String libraryId, OaiPmhClient client, Clock clock) {
        return run(catalog, log, libraryId, client, clock, HarvestListener.NONE);
    }

    /** As {@link #run(Catalog, HarvestLog, String, OaiPmhClient, Clock)}, telling {@code listener} after each page is stored. */
    public static IngestReport run(Catalog catalog, HarvestLog log, String libraryId, OaiPmhClient client, Clock clock,
            HarvestListener listener) {
        HarvestState state = log.state(libraryId);
        Instant startedAt = state.runStartedAt().orElseGet(() -> clock.instant().minus(CLOCK_SKEW));
        try (RecordBatch batch = catalog.ingest().open(libraryId, "oai-pmh " + client.endpoint().baseUrl())) {
            var sink = new Sink(log, libraryId, batch, state, startedAt, listener);
            try {
                walk(client, state, sink);
            } catch (BadResumptionTokenException e) {
                LOG.warn("{}: the provider refused resumption token {}; harvesting again from {}", libraryId, e.token(),
                        state.nextFrom().map(Instant::toString).orElse("the beginning"));
                walk(client, new HarvestState(Optional.empty(), state.runStartedAt(), state.nextFrom()), sink);
            }
            IngestReport report = batch.finish();
            log.saveState(libraryId, state.finished(startedAt));
            return report;
        }
    }

    private static void walk(OaiPmhClient client, HarvestState state, OaiRecordSink sink) {
        if (state.resumeToken().isPresent()) {
            client.listRecords(Optional.empty(), Optional.empty(), state.resumeToken(), sink);
        } else {
            client.listRecords(state.nextFrom(), Optional.empty(), Optional.empty(), sink);
        }
    }

    private record Sink(HarvestLog log, String libraryId, RecordBatch batch, HarvestState state, Instant startedAt,
            HarvestListener listener)
            implements OaiRecordSink {
        @Override
        public void record(OaiRecord record) {
            String id = record.header().identifier();
            if (record.header().deleted() || record.metadata().isEmpty()) {
                batch.delete(id);
            } else {
                batch.put(id, record.metadata().get());
            }
        }

        @Override
        public void pageDone(PageCheckpoint checkpoint) {
            batch.commit();
            log.saveState(libraryId, state.atPage(checkpoint.nextToken(), startedAt));
            listener.pageStored(checkpoint.recordsInPage());
        }
    }
}
