package org.tongjie.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.harvest.oai.OaiEndpoint;
import org.tongjie.indexer.IngestReport;
import org.tongjie.harvest.HarvestRun;

class HarvestSchedulerTest {
    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    static final Member OAI_MEMBER = new Member(new Library("oai-member", "甲馆", "OAI member", LibraryKind.BRANCH,
            Optional.empty(), "", Optional.empty()),
            new MemberSource.OaiPmh(OaiEndpoint.marc21(URI.create("http://127.0.0.1:9/oai"))),
            Optional.of(Duration.ofHours(6)), Optional.empty());

    static IngestReport report(int added) {
        return new IngestReport(1, "oai-member", added, 0, 0, 0, 0, List.of());
    }

    static HarvestRun awaitEnd(HarvestLog log, long runId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            HarvestRun run = log.run(runId).orElseThrow();
            if (run.status() != HarvestRun.Status.RUNNING) {
                return run;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    @Test
    void oneRunAtATimePerMemberWithItsProgressAndCountsInTheLog(@TempDir Path dir) throws Exception {
        var clock = new MovableClock();
        var release = new CountDownLatch(1);
        var paged = new CountDownLatch(1);
        var log = HarvestLog.open(dir, clock);
        try (var scheduler = new HarvestScheduler(log, new MemberDirectory(List.of(OAI_MEMBER)), clock, (m, listener) -> {
                 listener.pageStored(50);
                 clock.now = clock.now.plusSeconds(10);
                 listener.pageStored(50);
                 paged.countDown();
                 await(release);
                 return report(100);
             }, Duration.ofHours(1))) {
            var first = assertInstanceOf(HarvestScheduler.Triggered.Started.class, scheduler.trigger("oai-member", "manual"));
            assertTrue(paged.await(5, TimeUnit.SECONDS));

            var second = scheduler.trigger("oai-member", "manual");
            HarvestRun during = log.run(first.runId()).orElseThrow();
            release.countDown();
            HarvestRun done = awaitEnd(log, first.runId());

            assertEquals(new HarvestScheduler.Triggered.AlreadyRunning(first.runId()), second);
            assertEquals(HarvestRun.Status.RUNNING, during.status());
            assertEquals(2, during.pages());
            assertEquals(100, during.records());
            assertEquals(10.0, during.recordsPerSecond());
            assertEquals(HarvestRun.Status.SUCCEEDED, done.status());
            assertEquals(100, done.added());
            assertEquals("oai-pmh", done.kind());
            assertEquals(1, log.runs("oai-member", 10).size(), "the refused trigger left no run");
        }
    }

    @Test
    void aScheduledMemberRunsWhenItsIntervalHasPassedSinceItsLastRun(@TempDir Path dir) throws Exception {
        var clock = new MovableClock();
        var harvests = new AtomicInteger();
        var log = HarvestLog.open(dir, clock);
        try (var scheduler = new HarvestScheduler(log, new MemberDirectory(List.of(OAI_MEMBER)), clock,
                     (m, l) -> { harvests.incrementAndGet(); return report(1); }, Duration.ofHours(1))) {
            assertEquals(Optional.of(clock.now), scheduler.nextRun("oai-member"), "never harvested: due now");
            scheduler.runDue();
            awaitEnd(log, log.runs("oai-member", 1).getFirst().id());
            Instant firstStart = clock.now;

            clock.now = clock.now.plus(Duration.ofHours(5));
            scheduler.runDue();
            assertEquals(1, log.runs("oai-member", 10).size(), "not due before six hours");
            assertEquals(Optional.of(firstStart.plus(Duration.ofHours(6))), scheduler.nextRun("oai-member"));

            clock.now = clock.now.plus(Duration.ofHours(1));
            scheduler.runDue();
            awaitEnd(log, log.runs("oai-member", 1).getFirst().id());
            assertEquals(2, harvests.get());
            assertEquals("schedule", log.runs("oai-member", 1).getFirst().trigger());
        }
    }

    /**
     * A member never harvested is due at once, with a clock that moves between two readings as every real
     * clock does (the scheduler once compared one "now" with a later one and never started a first run).
     */
    @Test
    void aNeverHarvestedMemberIsStartedByTheSchedulerWithAClockThatMoves(@TempDir Path dir) throws Exception {
        var ticking = new Clock() {
            Instant now = Instant.parse("2026-03-01T08:00:00Z");
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public synchronized Instant instant() {
                now = now.plusMillis(1);
                return now;
            }
        };
        var log = HarvestLog.open(dir, ticking);
        try (var scheduler = new HarvestScheduler(log, new MemberDirectory(List.of(OAI_MEMBER)), ticking,
                (m, l) -> report(1), Duration.ofHours(1))) {
            scheduler.runDue();
            assertEquals(1, log.runs("oai-member", 10).size(), "a never-harvested scheduled member runs at the first tick");
        }
    }

    @Test
    void aRunLeftRunningByAProcessThatDiedIsMarkedInterruptedAndResumedAtStart(@TempDir Path dir) throws Exception {
        var clock = new MovableClock();
        var log = HarvestLog.open(dir, clock);
        long cut = log.startRun("oai-member", "oai-pmh", "schedule");
        log.progress(cut, 3, 300);
        try (var scheduler = new HarvestScheduler(log, new MemberDirectory(List.of(OAI_MEMBER)), clock,
                (m, l) -> report(7), Duration.ofHours(1)).start()) {
            HarvestRun interrupted = log.run(cut).orElseThrow();
            HarvestRun resumed = awaitEnd(log, log.runs("oai-member", 1).getFirst().id());

            assertEquals(HarvestRun.Status.INTERRUPTED, interrupted.status());
            assertEquals(3, interrupted.pages());
            assertEquals("resume", resumed.trigger());
            assertEquals(HarvestRun.Status.SUCCEEDED, resumed.status());
        }
    }

    @Test
    void aFailedRunIsLoggedWithItsErrorAndAnUploadOnlyMemberIsNotHarvested(@TempDir Path dir) throws Exception {
        var clock = new MovableClock();
        var uploader = new Member(new Library("uploader", "乙馆", "Uploader", LibraryKind.BRANCH, Optional.empty(), "",
                Optional.empty()), new MemberSource.Upload(), Optional.empty(), Optional.empty());
        var log = HarvestLog.open(dir, clock);
        try (var scheduler = new HarvestScheduler(log, new MemberDirectory(List.of(OAI_MEMBER, uploader)), clock,
                     (m, l) -> { throw new IllegalStateException("provider unreachable"); }, Duration.ofHours(1))) {
            var started = assertInstanceOf(HarvestScheduler.Triggered.Started.class, scheduler.trigger("oai-member", "manual"));
            HarvestRun failed = awaitEnd(log, started.runId());

            assertEquals(HarvestRun.Status.FAILED, failed.status());
            assertEquals(Optional.of("IllegalStateException: provider unreachable"), failed.error());
            assertInstanceOf(HarvestScheduler.Triggered.NotHarvested.class, scheduler.trigger("uploader", "manual"));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
