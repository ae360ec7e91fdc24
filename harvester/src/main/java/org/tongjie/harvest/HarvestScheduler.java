package org.tongjie.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.harvest.oai.OaiPmhClient;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestReport;

/**
 * Runs members' harvests: periodically from each member's schedule, on request ({@link #trigger}), and
 * after a restart for every run the previous process left RUNNING (it resumes from the member's
 * checkpoint). One run at a time per member. Each run is in the store's run log with its progress (pages,
 * records, records/s) while it runs and its counts when it ends; progress is logged after every page.
 *
 * <p>Runs go on platform threads: the Z39.50 client blocks in native code, which would pin a virtual
 * thread's carrier.
 */
public final class HarvestScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HarvestScheduler.class);

    /** Harvests one member, telling the listener after each page; the real one is {@link #standard}. */
    @FunctionalInterface
    public interface Harvester {
        IngestReport harvest(Member member, HarvestListener listener);
    }

    /** What {@link #trigger} did. */
    public sealed interface Triggered {
        record Started(long runId) implements Triggered {}

        record AlreadyRunning(long runId) implements Triggered {}

        record NotHarvested(String reason) implements Triggered {}
    }

    private final HarvestLog log;
    private final MemberDirectory members;
    private final Clock clock;
    private final Harvester harvester;
    private final Duration tick;
    private final Map<String, Long> running = new ConcurrentHashMap<>();
    private final ExecutorService runs = Executors.newCachedThreadPool(Thread.ofPlatform().name("harvest-", 1).daemon().factory());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("harvest-scheduler").daemon().factory());
    private volatile boolean closing;

    public HarvestScheduler(HarvestLog log, MemberDirectory members, Clock clock, Harvester harvester, Duration tick) {
        this.log = log;
        this.members = members;
        this.clock = clock;
        this.harvester = harvester;
        this.tick = tick;
    }

    /** OAI-PMH members through {@link OaiHarvest}, Z39.50 members through {@link Z3950Harvest}. */
    public static Harvester standard(Catalog catalog, HarvestLog log, Clock clock) {
        return (member, listener) -> switch (member.source()) {
            case MemberSource.OaiPmh oai -> {
                try (var client = OaiPmhClient.create(oai.endpoint())) {
                    yield OaiHarvest.run(catalog, log, member.id(), client, clock, listener);
                }
            }
            case MemberSource.Z3950 z -> Z3950Harvest.run(catalog, log, member.id(), z, clock, listener);
            case MemberSource.Upload u -> throw new IllegalStateException(member.id() + " only uploads");
        };
    }

    /**
     * Marks the runs a previous process left RUNNING as INTERRUPTED and starts a run for each of those
     * members (resuming from its checkpoint), then checks the schedules every {@code tick}.
     */
    public HarvestScheduler start() {
        for (HarvestRun cut : log.interruptRunning()) {
            LOG.warn("{}: harvest run {} was cut off when the hub stopped (after {} pages); resuming it",
                    cut.libraryId(), cut.id(), cut.pages());
            trigger(cut.libraryId(), "resume");
        }
        ticker.scheduleWithFixedDelay(this::runDue, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Starts every scheduled member's run that is due and not running. */
    void runDue() {
        try {
            Instant now = clock.instant();
            for (Member member : members.members()) {
                if (member.harvested() && member.schedule().isPresent() && !running.containsKey(member.id())
                        && nextRun(member.id(), now).map(at -> !at.isAfter(now)).orElse(false)) {
                    trigger(member.id(), "schedule");
                }
            }
        } catch (RuntimeException e) {
            LOG.error("checking the harvest schedules failed", e);
        }
    }

    /** When the member's next scheduled run is due: its last run's start plus its schedule, or now if none. */
    public Optional<Instant> nextRun(String libraryId) {
        return nextRun(libraryId, clock.instant());
    }

    /** One reading of the clock for the whole decision: a second, later one would never find "now" due. */
    private Optional<Instant> nextRun(String libraryId, Instant now) {
        return members.member(libraryId).filter(Member::harvested).flatMap(Member::schedule).map(every ->
                log.runs(libraryId, 1).stream().findFirst()
                        .map(last -> last.startedAt().plus(every)).orElse(now));
    }

    /** A member's runs, newest first. */
    public List<HarvestRun> runs(String libraryId, int limit) {
        return log.runs(libraryId, limit);
    }

    /** The run under way for the member, if one is. */
    public Optional<Long> runningRun(String libraryId) {
        return Optional.ofNullable(running.get(libraryId));
    }

    /** Starts a run now unless one is running; {@code trigger} says why (schedule, manual, resume). */
    public synchronized Triggered trigger(String libraryId, String trigger) {
        Optional<Member> member = members.member(libraryId);
        if (member.isEmpty() || !member.get().harvested()) {
            return new Triggered.NotHarvested("member '" + libraryId + "' has no OAI-PMH or Z39.50 source in the member directory");
        }
        Long under = running.get(libraryId);
        if (under != null) {
            return new Triggered.AlreadyRunning(under);
        }
        long runId = log.startRun(libraryId, member.get().source().type(), trigger);
        running.put(libraryId, runId);
        LOG.info("{}: harvest run {} started ({}, {})", libraryId, runId, member.get().source().type(), trigger);
        runs.execute(() -> execute(member.get(), runId));
        return new Triggered.Started(runId);
    }

    private void execute(Member member, long runId) {
        Instant started = clock.instant();
        AtomicLong pages = new AtomicLong();
        AtomicLong records = new AtomicLong();
        try {
            IngestReport report = harvester.harvest(member, n -> {
                long p = pages.incrementAndGet();
                long r = records.addAndGet(n);
                log.progress(runId, p, r);
                double seconds = Math.max(1, Duration.between(started, clock.instant()).toMillis()) / 1000.0;
                LOG.info("{}: harvest run {}: page {} stored, {} records so far, {} records/s", member.id(), runId, p, r,
                        Math.round(r / seconds));
            });
            log.succeeded(runId, report);
            LOG.info("{}: harvest run {} done: {} added, {} updated, {} unchanged, {} deleted, {} quarantined",
                    member.id(), runId, report.accepted(), report.updated(), report.unchanged(), report.deleted(),
                    report.quarantined());
        } catch (RuntimeException | Error e) {
            if (closing) {
                LOG.warn("{}: harvest run {} cut off as the hub stops; the next start resumes it", member.id(), runId);
                return;
            }
            LOG.error("{}: harvest run {} failed after {} pages: {}", member.id(), runId, pages.get(), e.toString(), e);
            log.failed(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            running.remove(member.id(), runId);
        }
    }

    /**
     * Stops scheduling and interrupts running runs; they stay RUNNING in the log, and the next
     * {@link #start} resumes them from their checkpoints.
     */
    @Override
    public void close() {
        closing = true;
        ticker.shutdownNow();
        runs.shutdownNow();
        try {
            runs.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
