package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffDeskTest {
    @TempDir
    Path dir;
    IllStore store;
    IllService ill;
    StaffDesk desk;

    private static final Reader READER = new Reader("320583000123456", "ks-zhoushi");
    private static final Pickup LOCKER = new Pickup.AtServicePoint("ks-huaqiao", Pickup.Kind.SMART_LOCKER);

    @BeforeEach
    void open() {
        var clock = new Networks.MovableClock(Walk.T0);
        store = openStore(clock);
        ill = new IllService(store, Networks::kunshan, clock);
        desk = new StaffDesk(ill);
    }

    IllStore openStore(java.time.Clock clock) {
        return IllStore.openSqlite(dir.resolve("ill.db"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IllRequest requestFromLujia(String title, String location, String callNumber) {
        var copy = CandidateHolding.available("ks-lujia", "LJ" + callNumber.hashCode(), location, callNumber);
        return ill.submit(Citation.of("ks-lujia." + Math.abs(title.hashCode()), title), READER, ServiceType.LOAN, LOCKER,
                List.of(copy));
    }

    @Test
    void queuesFollowTheRequestFromLenderToPickupAndHome() {
        IllRequest r = requestFromLujia("围城", "ADULT", "I246.5/12");
        assertEquals(List.of(r.id()), ids(desk.queue("ks-lujia", StaffQueue.TO_FILL)));
        assertEquals(List.of(), ids(desk.queue("ks", StaffQueue.TO_FILL)));
        r = ill.act(r.id(), r.version(), Command.of(Action.WILL_SUPPLY), "staff:ks-lujia", "");
        assertEquals(List.of(r.id()), ids(desk.queue("ks-lujia", StaffQueue.TO_SHIP)));
        r = ill.act(r.id(), r.version(), Command.of(Action.PICK), "staff:ks-lujia", "");
        r = ill.act(r.id(), r.version(), Command.ship("SF Express", "SF1"), "staff:ks-lujia", "");
        assertEquals(List.of(), ids(desk.queue("ks-lujia", StaffQueue.TO_SHIP)));
        assertEquals(List.of(r.id()), ids(desk.queue("ks-huaqiao", StaffQueue.TO_RECEIVE)));
        r = ill.act(r.id(), r.version(), Command.of(Action.DEPART), "courier", "");
        r = ill.shelveForPickup(r.id(), r.version(), "L-03", "courier");
        r = ill.loan(r.id(), r.version(), "reader");
        r = ill.act(r.id(), r.version(), Command.returnAt(new Pickup.AtServicePoint("ks-station", Pickup.Kind.KIOSK_24H)),
                "kiosk:ks-station", "");
        assertEquals(List.of(r.id()), ids(desk.queue("ks-station", StaffQueue.TO_SEND_HOME)));
        r = ill.act(r.id(), r.version(), Command.of(Action.SEND_HOME), "staff:ks", "");
        assertEquals(List.of(r.id()), ids(desk.queue("ks-lujia", StaffQueue.TO_CHECK_IN)));
    }

    @Test
    void thePickListIsInShelfOrder() {
        var titles = List.of(new String[] {"子夜", "STACKS", "I246.5/3"}, new String[] {"边城", "ADULT", "I246.5/120"},
                new String[] {"骆驼祥子", "ADULT", "I246.5/13"}, new String[] {"呐喊", "ADULT", "I210.6/2"},
                new String[] {"家", "ADULT", "I246.57/1"});
        for (String[] t : titles) {
            IllRequest r = requestFromLujia(t[0], t[1], t[2]);
            ill.act(r.id(), r.version(), Command.of(Action.WILL_SUPPLY), "staff:ks-lujia", "");
        }
        var lines = desk.pickList("ks-lujia");
        assertEquals(List.of("呐喊", "骆驼祥子", "边城", "家", "子夜"), lines.stream().map(PickListLine::title).toList());
        assertEquals(Optional.of("I210.6/2"), lines.getFirst().callNumber());
        assertTrue(lines.getFirst().barcode().isPresent());
    }

    @Test
    void bulkActionsReportEachItemAndCanBeRepeated() {
        var targets = new ArrayList<StaffDesk.Target>();
        for (int i = 0; i < 4; i++) {
            IllRequest r = requestFromLujia("书" + i, "ADULT", "I24/" + i);
            targets.add(new StaffDesk.Target(r.id(), r.version()));
        }
        targets.add(new StaffDesk.Target(9_999, 0));
        var first = desk.bulk(targets, Command.of(Action.WILL_SUPPLY), "staff:ks-lujia", "");
        assertEquals(List.of(StaffDesk.Result.DONE, StaffDesk.Result.DONE, StaffDesk.Result.DONE, StaffDesk.Result.DONE,
                StaffDesk.Result.NOT_FOUND), first.stream().map(StaffDesk.Outcome::result).toList());
        var again = desk.bulk(targets.subList(0, 4), Command.of(Action.WILL_SUPPLY), "staff:ks-lujia", "");
        assertTrue(again.stream().allMatch(o -> o.result() == StaffDesk.Result.DONE), "a repeated batch is harmless");
        for (var t : targets.subList(0, 4)) {
            assertEquals(t.version() + 1, store.events(t.requestId()).size());
        }
        var wrong = desk.bulk(targets.subList(0, 1), Command.of(Action.WILL_SUPPLY), "staff:other", "");
        assertEquals(StaffDesk.Result.CONFLICT, wrong.getFirst().result(), "someone else with a stale version");
    }

    @Test
    void twoStaffBulkShippingOverlappingListsShipEachRequestOnce() throws Exception {
        var picked = new ArrayList<StaffDesk.Target>();
        for (int i = 0; i < 12; i++) {
            IllRequest r = requestFromLujia("并发" + i, "ADULT", "I24/" + i);
            r = ill.act(r.id(), r.version(), Command.of(Action.WILL_SUPPLY), "staff:ks-lujia", "");
            r = ill.act(r.id(), r.version(), Command.of(Action.PICK), "staff:ks-lujia", "");
            picked.add(new StaffDesk.Target(r.id(), r.version()));
        }
        var barrier = new CyclicBarrier(2);
        var results = new ArrayList<Future<List<StaffDesk.Outcome>>>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (String staff : List.of("staff:wang", "staff:li")) {
                results.add(pool.submit(() -> {
                    barrier.await();
                    return desk.bulk(picked, Command.ship("EMS", "EMS-" + staff), staff, "");
                }));
            }
        }
        int done = 0;
        for (var f : results) {
            done += (int) f.get().stream().filter(o -> o.result() == StaffDesk.Result.DONE).count();
        }
        assertEquals(picked.size(), done, "each request shipped by exactly one of them");
        for (var t : picked) {
            var events = store.events(t.requestId());
            assertEquals(1, events.stream().filter(e -> e.action() == Action.SHIP).count());
            assertEquals(store.find(t.requestId()).orElseThrow().version(), events.size());
        }
    }

    private static List<Long> ids(List<IllRequest> requests) {
        return requests.stream().map(IllRequest::id).toList();
    }
}
