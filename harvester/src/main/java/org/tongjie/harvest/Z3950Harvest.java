package org.tongjie.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestReport;
import org.tongjie.indexer.RecordBatch;
import org.tongjie.store.EmptyReplacementException;
import org.tongjie.store.IngestBatch;
import org.tongjie.z3950.FetchedRecord;
import org.tongjie.z3950.Query;
import org.tongjie.z3950.ZoomConnection;
import org.tongjie.z3950.ZoomResultSet;

/**
 * One harvest of a member's Z39.50 target: the harvest query's result set (the whole catalogue) is presented
 * in pages of {@value #PAGE} and staged as a full replace, so when the run completes the member's records
 * are exactly the target's — changed ones updated, new ones added, and the ones the target no longer has
 * deleted. Z39.50 has no datestamps to harvest incrementally by; the full replace counts unchanged records
 * as such and leaves them alone, so the index sees only the changes.
 *
 * <p>After each page the staged records are committed and the checkpoint saved (batch, next position, hit
 * count). A restarted run (after a crash or kill -9) searches again and, when the target reports the same
 * hit count, presents from the checkpoint on into the same batch; when the count changed, it presents from
 * the start into the same batch (staging the same record twice keeps the later one). Either way nothing is
 * applied until the run completes.
 */
public final class Z3950Harvest {
    private static final Logger LOG = LoggerFactory.getLogger(Z3950Harvest.class);
    static final int PAGE = 100;
    private static final Pattern CHECKPOINT = Pattern.compile("z3950;batch=(\\d+);next=(\\d+);hits=(\\d+)");

    private Z3950Harvest() {}

    /** Where a run stands: the batch it stages into, the next result-set position, and the hit count then. */
    record Checkpoint(long batchId, long next, long hits) {
        String token() {
            return "z3950;batch=" + batchId + ";next=" + next + ";hits=" + hits;
        }

        static Optional<Checkpoint> parse(Optional<String> token) {
            return token.map(CHECKPOINT::matcher).filter(Matcher::matches).map(m ->
                    new Checkpoint(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        }
    }

    public static IngestReport run(Catalog catalog, HarvestLog log, String libraryId, MemberSource.Z3950 source,
            Clock clock) {
        return run(catalog, log, libraryId, source, clock, HarvestListener.NONE);
    }

    /**
     * @throws org.tongjie.z3950.ZoomException when the target cannot be reached or fails the search or a Present
     *                                         (what was staged so far is kept for the next run)
     * @throws EmptyReplacementException when the target finds no record at all (nothing is deleted)
     */
    public static IngestReport run(Catalog catalog, HarvestLog log, String libraryId, MemberSource.Z3950 source,
            Clock clock, HarvestListener listener) {
        HarvestState state = log.state(libraryId);
        Optional<Checkpoint> checkpoint = Checkpoint.parse(state.resumeToken());
        Instant startedAt = state.runStartedAt().filter(s -> checkpoint.isPresent()).orElseGet(clock::instant);
        String origin = "z3950 " + source.target().zurl();
        Optional<RecordBatch> resumed = checkpoint.flatMap(c -> catalog.ingest().resume(libraryId, c.batchId()));
        try (RecordBatch batch = resumed.orElseGet(() -> catalog.ingest().open(libraryId, origin, IngestBatch.Mode.FULL_REPLACE));
             ZoomConnection connection = ZoomConnection.open(source.target());
             ZoomResultSet results = connection.search(new Query.Pqf(source.harvestQuery()))) {
            long hits = results.size();
            long position = 0;
            if (resumed.isPresent() && checkpoint.get().hits() == hits) {
                position = checkpoint.get().next();
                LOG.info("{}: resuming the Z39.50 harvest of {} at record {} of {}", libraryId, source.target().zurl(), position, hits);
            } else if (resumed.isPresent()) {
                LOG.info("{}: {} now finds {} records, not {}; presenting again from the first", libraryId,
                        source.target().zurl(), hits, checkpoint.get().hits());
            }
            while (position < hits) {
                List<FetchedRecord> page = results.records(position, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (int i = 0; i < page.size(); i++) {
                    batch.add(position + i + 1, page.get(i).raw());
                }
                batch.commit();
                position += page.size();
                log.saveState(libraryId,
                        state.atPage(Optional.of(new Checkpoint(batch.id(), position, hits).token()), startedAt));
                listener.pageStored(page.size());
            }
            IngestReport report = batch.finish();
            log.saveState(libraryId, state.finished(startedAt));
            LOG.info("{}: Z39.50 harvest of {} done in {}: {}", libraryId, source.target().zurl(),
                    Duration.between(startedAt, clock.instant()), report);
            return report;
        }
    }
}
