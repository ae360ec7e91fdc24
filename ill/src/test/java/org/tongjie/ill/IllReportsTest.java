package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader's own requests and the statistics, over requests driven through the store on a moving clock. */
class IllReportsTest {
    private static final Reader ANNA = new Reader("320583000000001", "KS");
    private static final Reader BO = new Reader("320583000000002", "KS");
    private static final Pickup LOCKER = new Pickup.AtServicePoint("KS-ZJ", Pickup.Kind.SMART_LOCKER);

    @TempDir
    Path dir;
    Networks.MovableClock clock;
    IllStore store;

    @BeforeEach
    void open() {
        clock = new Networks.MovableClock(Walk.T0);
        store = openStore(clock);
    }

    IllStore openStore(Clock clock) {
        return IllStore.openSqlite(dir.resolve("ill.db"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A request for {@code record}, driven along the shortest path of its track to {@code state}. */
    private IllRequest request(String record, Reader reader, ServiceType type, RequestState state) {
        var citation = new Citation(record, "书 " + record, Optional.empty(), Optional.empty(), Optional.empty());
        IllRequest r = store.create(citation, reader, type, type == ServiceType.COPY
                ? new Pickup.AtServicePoint("KS", Pickup.Kind.BRANCH) : LOCKER);
        for (Action action : Walk.shortestPaths(r.track()).get(state)) {
            r = store.apply(r.id(), r.version(), Walk.sample(action), "test", "");
        }
        return r;
    }

    @Test
    void aReaderSeesOnlyTheirOwnRequestsNewestFirst() {
        long first = request("u1", ANNA, ServiceType.LOAN, RequestState.REQUESTED).id();
        request("u2", BO, ServiceType.LOAN, RequestState.REQUESTED);
        long second = request("u3", ANNA, ServiceType.COPY, RequestState.AT_LENDER).id();
        var sameCardOtherLibrary = new Reader(ANNA.cardNumber(), "GL");

        assertEquals(List.of(second, first), store.reports().requestsOf(ANNA).stream().map(IllRequest::id).toList());
        assertEquals(List.of(), store.reports().requestsOf(sameCardOtherLibrary));
    }

    @Test
    void loansAreCountedPerRecordOnlyOnceTheyBegin() {
        request("u1", ANNA, ServiceType.LOAN, RequestState.ON_LOAN);
        request("u1", BO, ServiceType.LOAN, RequestState.RETURNED);
        request("u2", ANNA, ServiceType.LOAN, RequestState.ON_LOAN);
        request("u3", ANNA, ServiceType.LOAN, RequestState.READY_FOR_PICKUP);

        assertEquals(Map.of("u1", 2, "u2", 1), store.reports().loansByRecord());
    }

    @Test
    void fillRateCountsEachDaysRequestsFilledCancelledAndOpen() {
        request("u1", ANNA, ServiceType.LOAN, RequestState.WILL_SUPPLY);
        request("u2", ANNA, ServiceType.LOAN, RequestState.CANCELLED);
        request("u3", ANNA, ServiceType.LOAN, RequestState.AT_LENDER);
        clock.advance(Duration.ofDays(1));
        request("u4", BO, ServiceType.LOAN, RequestState.COMPLETED);

        var days = store.reports().fillRate(IllReports.Period.DAY);
        assertEquals(List.of(new IllReports.FillRate("2025-03-01", 3, 1, 1), new IllReports.FillRate("2025-03-02", 1, 1, 0)),
                days);
        assertEquals(0.5, days.getFirst().rate());
        assertEquals(List.of(new IllReports.FillRate("2025-03", 4, 2, 1)), store.reports().fillRate(IllReports.Period.MONTH));
    }

    @Test
    void turnaroundRunsFromPlacingToTheLoanOrForACopyToShipping() {
        var loan = request("u1", ANNA, ServiceType.LOAN, RequestState.READY_FOR_PICKUP);
        var copy = request("u2", ANNA, ServiceType.COPY, RequestState.WILL_SUPPLY);
        request("u3", ANNA, ServiceType.LOAN, RequestState.IN_TRANSIT);
        clock.advance(Duration.ofHours(30));
        store.apply(loan.id(), loan.version(), Walk.sample(Action.LOAN), "test", "");
        clock.advance(Duration.ofHours(100));
        store.apply(copy.id(), copy.version(), Walk.sample(Action.SHIP), "test", "");

        assertEquals(List.of(Duration.ofHours(30), Duration.ofHours(130)), store.reports().turnarounds());
    }

    @Test
    void lendersBorrowersAndTheMostRequestedTitlesAreCounted() {
        request("u1", ANNA, ServiceType.LOAN, RequestState.WILL_SUPPLY);
        request("u1", BO, ServiceType.LOAN, RequestState.AT_LENDER);
        request("u2", new Reader("320583000000003", "GL"), ServiceType.LOAN, RequestState.REQUESTED);

        var reports = store.reports();
        assertEquals(List.of(new IllReports.LenderCount("TC", 2, 1)), reports.byLender(), "both routed to TC, one supplied");
        assertEquals(List.of(new IllReports.BorrowerCount("GL", 1, 0), new IllReports.BorrowerCount("KS", 2, 1)),
                reports.byBorrower());
        assertEquals(List.of(new IllReports.TitleCount("u1", "书 u1", 2), new IllReports.TitleCount("u2", "书 u2", 1)),
                reports.topTitles(10));
        assertEquals(1, reports.topTitles(1).size());
    }

    @Test
    void turnaroundBucketsAndMedian() {
        var t = Turnaround.of(List.of(Duration.ofHours(5), Duration.ofHours(24), Duration.ofHours(25),
                Duration.ofDays(6), Duration.ofDays(30)));
        assertEquals(5, t.requests());
        assertEquals(Duration.ofHours(25), t.median());
        assertEquals(List.of(new Turnaround.Bucket(24, 2), new Turnaround.Bucket(48, 1), new Turnaround.Bucket(72, 0),
                new Turnaround.Bucket(120, 0), new Turnaround.Bucket(168, 1), new Turnaround.Bucket(0, 1)), t.buckets());
        assertEquals(Duration.ofHours(3), Turnaround.of(List.of(Duration.ofHours(2), Duration.ofHours(4))).median());
        assertEquals(new Turnaround(0, Duration.ZERO, Turnaround.of(List.of()).buckets()), Turnaround.of(List.of()));
    }
}
