package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing with the rota, lender time limits, loan rules and the scheduled jobs, on a moving clock. */
class IllServiceTest {
    @TempDir
    Path dir;
    Networks.MovableClock clock;
    IllStore store;
    IllService ill;
    List<NetworkLibrary> members;

    private static final Citation BOOK = new Citation("ks.0a1b2c3d4e5f6a7b", "平凡的世界", Optional.of("路遥"),
            Optional.of("9787530216781"), Optional.empty());
    private static final Reader READER = new Reader("320583000123456", "ks-zhoushi");
    private static final Pickup LOCKER = new Pickup.AtServicePoint("ks-huaqiao", Pickup.Kind.SMART_LOCKER);
    private static final List<CandidateHolding> COPIES = List.of(
            CandidateHolding.available("cs", "CS0001", "STACKS", "I247.57/123"),
            CandidateHolding.available("ks-lujia", "LJ0001", "ADULT", "I247.57/123"),
            CandidateHolding.available("ks", "KS0001", "STACKS", "I247.57/123"));

    @BeforeEach
    void open() {
        clock = new Networks.MovableClock(Walk.T0);
        store = openStore(clock);
        members = new ArrayList<>(Networks.members());
        ill = new IllService(store, () -> Network.of(members), clock);
    }

    IllStore openStore(java.time.Clock clock) {
        return IllStore.openSqlite(dir.resolve("ill.db"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void submitRoutesToTheFirstLenderAndStoresTheRotaWithReasons() {
        IllRequest r = ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER, COPIES);
        assertEquals(RequestState.AT_LENDER, r.state());
        assertEquals(Optional.of("ks-lujia"), r.progress().lender());
        assertEquals(Optional.of(Walk.T0.plus(LendingPolicy.DEFAULT.responseTime())), r.progress().respondBy());
        List<RotaEntry> rota = store.rota(r.id());
        assertEquals(List.of("ks-lujia", "ks", "cs"), rota.stream().map(RotaEntry::libraryId).toList());
        assertEquals(List.of(RotaEntry.Status.CURRENT, RotaEntry.Status.WAITING, RotaEntry.Status.WAITING),
                rota.stream().map(RotaEntry::status).toList());
        RequestEvent routed = store.events(r.id()).getFirst();
        assertEquals(new Details.Lender(1, "ks-lujia"), routed.details());
        assertTrue(routed.note().orElseThrow().startsWith("routed to ks-lujia (rota line 1): available and lendable; "),
                routed.note().orElseThrow());
    }

    @Test
    void unfilledMovesTheRotaOnAndKeepsWhy() {
        IllRequest r = ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER, COPIES);
        r = ill.unfilled(r.id(), r.version(), "staff:ks-lujia", "missing from the shelf");
        assertEquals(RequestState.AT_LENDER, r.state());
        assertEquals(Optional.of("ks"), r.progress().lender());
        assertEquals(2, r.progress().rotaPosition());
        var first = store.rota(r.id()).getFirst();
        assertEquals(RotaEntry.Status.UNFILLED, first.status());
        assertEquals(Optional.of("missing from the shelf"), first.outcome());
        r = ill.act(r.id(), r.version(), Command.of(Action.WILL_SUPPLY), "staff:ks", "");
        assertEquals(RotaEntry.Status.SUPPLYING, store.rota(r.id()).get(1).status());
        assertEquals(List.of(RequestState.ROUTED, RequestState.AT_LENDER, RequestState.UNFILLED, RequestState.ROUTED,
                RequestState.AT_LENDER, RequestState.WILL_SUPPLY), store.events(r.id()).stream().map(RequestEvent::to).toList());
    }

    @Test
    void aLenderThatMissesItsTimeLimitIsPassedOverByTheJob() {
        IllRequest r = ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER, COPIES);
        clock.advance(Duration.ofDays(1));
        assertEquals(new IllService.JobReport(0, 0, 0, 0, 0), ill.runScheduledJobs(), "not late yet");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertEquals(new IllService.JobReport(1, 1, 0, 0, 0), ill.runScheduledJobs());
        IllRequest now = store.find(r.id()).orElseThrow();
        assertEquals(Optional.of("ks"), now.progress().lender());
        assertEquals(RequestState.AT_LENDER, now.state());
        assertTrue(store.rota(r.id()).getFirst().outcome().orElseThrow().startsWith("no answer from ks-lujia by "));
        assertEquals(IllService.SYSTEM, store.events(r.id()).get(2).actor());
    }

    @Test
    void anExhaustedRotaCancelsTheRequest() {
        IllRequest r = ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER, COPIES.subList(0, 1));
        r = ill.unfilled(r.id(), r.version(), "staff:cs", "damaged");
        assertEquals(RequestState.CANCELLED, r.state());
        assertEquals(Optional.of("rota exhausted: no lender left that can fill this request"),
                store.events(r.id()).getLast().note());
    }

    @Test
    void noLendableCopyCancelsAtOnceAndTheRotaSaysWhy() {
        IllRequest r = ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER,
                List.of(COPIES.getFirst().with(Availability.ON_LOAN)));
        assertEquals(RequestState.CANCELLED, r.state());
        assertEquals("skipped: not available now (ON_LOAN)", store.rota(r.id()).getFirst().reason());
    }

    @Test
    void aSpecificCopyIsTheOnlyOneAsked() {
        var citation = new Citation(BOOK.unionRecordId(), BOOK.title(), BOOK.author(), BOOK.isbn(),
                Optional.of(new Citation.Holding("cs", "CS0001")));
        IllRequest r = ill.submit(citation, READER, ServiceType.LOAN, LOCKER, COPIES);
        assertEquals(Optional.of("cs"), r.progress().lender());
        assertEquals(1, store.rota(r.id()).size());
    }

    @Test
    void openRequestsCountAgainstALendersQuota() {
        members.replaceAll(m -> m.id().equals("ks-lujia") ? m.withQuota(2) : m);
        // each library has three copies, so the quota, not a copy already promised, decides
        var copies = COPIES.stream().flatMap(c -> java.util.stream.IntStream.rangeClosed(1, 3).mapToObj(n ->
                CandidateHolding.available(c.libraryId(), c.barcode().orElseThrow() + "-" + n, "STACKS", "I247.57/123"))).toList();
        assertEquals(Optional.of("ks-lujia"), ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER, copies).progress().lender());
        assertEquals(Optional.of("ks-lujia"), ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER, copies).progress().lender());
        IllRequest third = ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER, copies);
        assertEquals(Optional.of("ks"), third.progress().lender());
        assertTrue(store.rota(third.id()).getLast().reason().contains("over its quota (2 open lending requests, quota 2)"));
        assertEquals(java.util.Map.of("ks-lujia", 2, "ks", 1), store.openLendingLoad());
    }

    @Test
    void aClosedLibraryIsSkipped() {
        members.replaceAll(m -> m.id().equals("ks-lujia") ? m.closed() : m);
        IllRequest r = ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER, COPIES);
        assertEquals(Optional.of("ks"), r.progress().lender());
    }

    /** Drives a request to the pickup shelf at the locker, lent by ks-lujia. */
    private IllRequest atLocker() {
        IllRequest r = ill.submit(BOOK, READER, ServiceType.LOAN, LOCKER, COPIES);
        r = ill.act(r.id(), r.version(), Command.of(Action.WILL_SUPPLY), "staff:ks-lujia", "");
        r = ill.act(r.id(), r.version(), Command.of(Action.PICK), "staff:ks-lujia", "");
        r = ill.act(r.id(), r.version(), Command.ship("SF Express", "SF1400000001"), "staff:ks-lujia", "");
        r = ill.act(r.id(), r.version(), Command.of(Action.DEPART), "courier", "");
        return ill.shelveForPickup(r.id(), r.version(), "L-12", "courier");
    }

    @Test
    void dueDatesRenewalsAndRecallFollowTheLendersPolicy() {
        var policy = new LendingPolicy(Duration.ofDays(21), 1, Duration.ofDays(14), Duration.ofDays(3),
                Duration.ofDays(5), Duration.ofDays(2));
        members.replaceAll(m -> m.id().equals("ks-lujia") ? m.withPolicy(policy) : m);
        IllRequest r = atLocker();
        assertEquals(Optional.of(Walk.T0.plus(LendingPolicy.DEFAULT.holdPeriod())), r.progress().holdUntil(),
                "the pickup point's (default) hold period");
        clock.advance(Duration.ofDays(1));
        r = ill.loan(r.id(), r.version(), "reader:320583000123456");
        Instant due = Walk.T0.plus(Duration.ofDays(22));
        assertEquals(Optional.of(due), r.progress().due());
        clock.advance(Duration.ofDays(10));
        IllRequest renewed = ill.renew(r.id(), r.version(), "reader:320583000123456");
        assertEquals(Optional.of(due.plus(Duration.ofDays(14))), renewed.progress().due(), "renewed from the due date");
        assertEquals(1, renewed.progress().renewals());
        var refused = assertThrows(LoanRuleException.class, () -> ill.renew(renewed.id(), renewed.version(), "staff:ks"));
        assertTrue(refused.getMessage().contains("renewed 1 times, the most ks-lujia allows"), refused.getMessage());
        IllRequest recalled = ill.recall(r.id(), renewed.version(), "staff:ks-lujia", "wanted for a local reader");
        assertEquals(Optional.of(clock.instant().plus(Duration.ofDays(3))), recalled.progress().due());
        assertEquals(RequestState.RECALLED, recalled.state());
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertEquals(new IllService.JobReport(0, 0, 0, 0, 1), ill.runScheduledJobs());
        assertEquals(RequestState.OVERDUE, store.find(r.id()).orElseThrow().state());
        assertEquals(new IllService.JobReport(0, 0, 0, 0, 0), ill.runScheduledJobs(), "once only");
    }

    @Test
    void aRecallNeverExtendsTheLoan() {
        IllRequest r = atLocker();
        r = ill.loan(r.id(), r.version(), "reader");
        clock.advance(Duration.ofDays(28));
        r = ill.recall(r.id(), r.version(), "staff:ks-lujia", "");
        assertEquals(Optional.of(Walk.T0.plus(LendingPolicy.DEFAULT.loanPeriod())), r.progress().due());
    }

    @Test
    void anUncollectedPickupExpiresOnSchedule() {
        IllRequest r = atLocker();
        clock.advance(LendingPolicy.DEFAULT.holdPeriod().minusMinutes(1));
        assertEquals(0, ill.runScheduledJobs().pickupsExpired());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, ill.runScheduledJobs().pickupsExpired());
        IllRequest now = store.find(r.id()).orElseThrow();
        assertEquals(RequestState.EXPIRED_AT_PICKUP, now.state());
        assertTrue(store.events(r.id()).getLast().note().orElseThrow().startsWith("not collected by "));
    }

    @Test
    void aRepeatedClickIsAnsweredWithoutASecondMove() {
        final IllRequest r = atLocker();
        IllRequest loaned = ill.loan(r.id(), r.version(), "reader");
        // The same click again, with the version the reader's page still shows:
        IllRequest again = store.apply(r.id(), r.version(), Command.loan(loaned.progress().due().orElseThrow()), "reader", "");
        assertEquals(loaned, again);
        assertEquals(loaned.version(), store.events(r.id()).size());
        // ...but someone else with the stale version is told it changed.
        assertThrows(ConcurrentChangeException.class,
                () -> store.apply(r.id(), r.version(), Command.of(Action.EXPIRE), "system", ""));
    }
}
