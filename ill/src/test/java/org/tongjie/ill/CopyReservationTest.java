package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies, not just requests: a copy is promised to one request at a time, the rest wait in the title's
 * holds queue in order, and a copy that comes back fills the first hold.
 */
class CopyReservationTest {
    private static final int READERS = 50;
    private static final Citation BOOK = new Citation("ks.0a1b2c3d4e5f6a7b", "三体", Optional.of("刘慈欣"),
            Optional.of("9787536692930"), Optional.empty(), Optional.of("Ⅱ"));
    private static final Pickup LOCKER = new Pickup.AtServicePoint("ks-huaqiao", Pickup.Kind.SMART_LOCKER);
    /** Three copies of one edition: two at the central library (one a spare), one at Lujia. */
    private static final List<CandidateHolding> COPIES = List.of(
            CandidateHolding.available("ks", "KS1", "STACKS", "I247.55/1"),
            CandidateHolding.available("ks", "KS2", "STACKS", "I247.55/1"),
            CandidateHolding.available("ks-lujia", "LJ1", "ADULT", "I247.55/1"));

    @TempDir
    Path dir;
    Networks.MovableClock clock;
    IllStore store;
    IllService ill;

    IllStore openStore(java.time.Clock clock) {
        return IllStore.openSqlite(dir.resolve("ill.db"), clock);
    }

    @BeforeEach
    void open() {
        clock = new Networks.MovableClock(Walk.T0);
        store = openStore(clock);
        ill = new IllService(store, Networks::kunshan, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Reader reader(int n) {
        return new Reader(String.format("3205830000%05d", n), "ks-zhoushi");
    }

    @Test
    void fiftyReadersRacingForThreeCopiesGetEachCopyOnceAndTheRestWaitInOrder() throws Exception {
        var barrier = new CyclicBarrier(READERS);
        var results = new ArrayList<Future<IllRequest>>();
        // Platform threads: a JDBC call into SQLite's native code would pin a virtual thread anyway.
        try (ExecutorService pool = Executors.newFixedThreadPool(READERS)) {
            for (int i = 0; i < READERS; i++) {
                Reader reader = reader(i);
                results.add(pool.submit(() -> {
                    barrier.await();
                    return ill.submit(BOOK, reader, ServiceType.LOAN, LOCKER, COPIES);
                }));
            }
        }
        var atLender = new ArrayList<IllRequest>();
        var holds = new ArrayList<IllRequest>();
        for (var f : results) {
            IllRequest r = f.get();
            (r.state() == RequestState.AT_LENDER ? atLender : holds).add(r);
            assertTrue(r.state() == RequestState.AT_LENDER || r.state() == RequestState.ON_HOLD, r.toString());
        }
        assertEquals(3, atLender.size(), "one request per copy");
        assertEquals(READERS - 3, holds.size());

        var promisedTo = new HashSet<Long>();
        for (String[] k : new String[][] {{"ks", "KS1"}, {"ks", "KS2"}, {"ks-lujia", "LJ1"}}) {
            Copy copy = store.copy(k[0], k[1]).orElseThrow();
            assertEquals(CopyState.RESERVED, copy.state());
            assertTrue(promisedTo.add(copy.requestId().orElseThrow()), "a copy per request: " + copy);
            List<Copy.Event> history = store.copyHistory(k[0], k[1]);
            assertEquals(1, history.size(), "reserved exactly once: " + history);
            assertEquals(CopyState.ON_SHELF, history.getFirst().from());
        }
        assertEquals(atLender.stream().map(IllRequest::id).collect(java.util.stream.Collectors.toSet()), promisedTo);
        for (IllRequest r : atLender) {
            Copy copy = store.copyOf(r.id()).orElseThrow();
            assertEquals(r.progress().lender(), Optional.of(copy.libraryId()), "routed to the library of its copy");
        }
        var positions = holds.stream().map(r -> store.holdPosition(store.find(r.id()).orElseThrow()).orElseThrow()).sorted().toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, READERS - 3).boxed().toList(), positions);
    }

    @Test
    void aCancelledRequestsCopyFillsTheFirstHold() {
        IllRequest first = ill.submit(BOOK, reader(1), ServiceType.LOAN, LOCKER, COPIES.subList(0, 1));
        IllRequest second = ill.submit(BOOK, reader(2), ServiceType.LOAN, LOCKER, COPIES.subList(0, 1));
        IllRequest third = ill.submit(BOOK, reader(3), ServiceType.LOAN, LOCKER, COPIES.subList(0, 1));
        assertEquals(RequestState.AT_LENDER, first.state());
        assertEquals(RequestState.ON_HOLD, second.state());
        assertEquals(2, store.holdPosition(store.find(third.id()).orElseThrow()).orElseThrow());

        ill.act(first.id(), first.version(), Command.of(Action.CANCEL), "reader", "");
        IllRequest filled = store.find(second.id()).orElseThrow();
        assertEquals(RequestState.AT_LENDER, filled.state());
        assertEquals(Optional.of("ks"), filled.progress().lender());
        assertEquals(second.id(), store.copy("ks", "KS1").orElseThrow().requestId().orElseThrow());
        assertEquals(1, store.holdPosition(store.find(third.id()).orElseThrow()).orElseThrow(), "third moves up");
        assertTrue(store.rota(second.id()).getLast().reason().startsWith("hold filled: copy KS1 of ks"));
    }

    @Test
    void aCopyOutInTheMembersOwnSystemCancelsAsBeforeButOneOutOnIllWaits() {
        IllRequest out = ill.submit(BOOK, reader(1), ServiceType.LOAN, LOCKER, List.of(COPIES.getFirst().with(Availability.ON_LOAN)));
        assertEquals(RequestState.CANCELLED, out.state(), "nothing ILL tracks will bring it back");
        ill.submit(BOOK, reader(2), ServiceType.LOAN, LOCKER, COPIES.subList(0, 1));
        IllRequest waits = ill.submit(BOOK, reader(3), ServiceType.LOAN, LOCKER, COPIES.subList(0, 1));
        assertEquals(RequestState.ON_HOLD, waits.state());
        assertEquals("skipped: not available now (RESERVED)", store.rota(waits.id()).getFirst().reason());
    }

    @Test
    void returnedAtABranchOfTheOwnersSystemTheCopyFillsAHoldThere() {
        IllRequest lent = ill.submit(BOOK, reader(1), ServiceType.LOAN, LOCKER, COPIES.subList(0, 1));
        IllRequest waiting = ill.submit(BOOK, reader(2), ServiceType.LOAN, LOCKER, COPIES.subList(0, 1));
        for (Command c : List.of(Command.of(Action.WILL_SUPPLY), Command.of(Action.PICK), Command.ship("EMS", "E1"),
                Command.of(Action.DEPART))) {
            lent = ill.act(lent.id(), lent.version(), c, "staff:ks", "");
        }
        lent = ill.shelveForPickup(lent.id(), lent.version(), "L-01", "staff:ks-huaqiao");
        lent = ill.loan(lent.id(), lent.version(), "staff:ks-huaqiao");
        assertEquals(CopyState.ON_LOAN, store.copy("ks", "KS1").orElseThrow().state());

        var zhoushi = new Principal.Staff("ks-zhoushi", "desk");
        assertThrows(NotPermittedException.class, () -> ill.checkIn(zhoushi, "KS1", "ks", Optional.empty(), Optional.empty()));
        CheckIn back = ill.checkIn(zhoushi, "KS1", "ks-zhoushi", Optional.empty(), Optional.empty());
        assertEquals(CheckIn.Decision.FILL_HOLD, back.decision());
        assertEquals(RequestState.COMPLETED, back.request().state());
        assertEquals("ks-zhoushi", back.copy().shelfLibrary(), "it stays where it came back, for the hold");
        IllRequest filled = store.find(waiting.id()).orElseThrow();
        assertEquals(Optional.of("ks-zhoushi"), filled.progress().lender());
        assertEquals(RequestState.AT_LENDER, filled.state());
        assertThrows(UnknownCopyException.class,
                () -> ill.checkIn(zhoushi, "KS1", "ks-zhoushi", Optional.empty(), Optional.empty()), "not on loan any more");
    }

    @Test
    void staffShipAnotherCopyOfTheEditionAndBothAreRecorded() {
        IllRequest r = ill.submit(BOOK, reader(1), ServiceType.LOAN, LOCKER, COPIES.subList(0, 2));
        assertEquals("KS1", store.copyOf(r.id()).orElseThrow().barcode());
        var staff = new Principal.Staff("ks", "desk");
        r = ill.perform(staff, r.id(), new ActionRequest(Action.WILL_SUPPLY, r.version(), "", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        ill.takeCopy(staff, r.id(), "KS2");
        r = ill.act(r.id(), r.version(), Command.of(Action.PICK), staff.actor(), "");
        r = ill.act(r.id(), r.version(), Command.ship("EMS", "E1"), staff.actor(), "");
        assertEquals(CopyState.ON_SHELF, store.copy("ks", "KS1").orElseThrow().state());
        Copy shipped = store.copy("ks", "KS2").orElseThrow();
        assertEquals(CopyState.IN_TRANSIT, shipped.state());
        assertEquals(Optional.of("ks-huaqiao"), shipped.place());
        assertEquals(Optional.of("request " + r.id() + " took copy KS2 instead"), store.copyHistory("ks", "KS1").getLast().note());
        assertEquals(Optional.of("E1"), store.copyHistory("ks", "KS2").getLast().waybill());
        var other = ill.submit(BOOK, reader(2), ServiceType.LOAN, LOCKER, COPIES.subList(0, 2));
        assertEquals("KS1", store.copyOf(other.id()).orElseThrow().barcode(), "the copy put back is promised again");
    }
}
