package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox: messages written with the move that causes them, delivered in order per target, retried with
 * backoff on the injected clock, kept across a restart; agencies and their request links.
 * {@code PostgresOutboxTest} runs the same on PostgreSQL.
 */
class OutboxTest {
    @TempDir
    Path dir;
    Networks.MovableClock clock;

    /** One message per move, to the target named by the request's reader home library. */
    static final OutboxRule EVERY_MOVE = t -> List.of(new Outgoing("test", t.request().reader().homeLibraryId(),
            "text/plain", t.event().action() + " " + t.event().seq()));

    IllStore open() {
        return IllStore.openSqlite(dir.resolve("ill.db"), clock);
    }

    @BeforeEach
    void clock() {
        clock = new Networks.MovableClock(Walk.T0);
    }

    @Test
    void aMoveAndItsMessagesAreStoredTogether() {
        try (IllStore store = open()) {
            store.addOutboxRule(EVERY_MOVE);
            IllRequest r = Walk.create(store, Track.COPY);
            r = store.apply(r.id(), r.version(), Command.route(1, "TC"), "router", "");
            assertEquals(List.of("ROUTE 1"), payloads(store.outbox().ofRequest(r.id())));
            assertEquals("KS", store.outbox().ofRequest(r.id()).getFirst().message().target());
        }
    }

    @Test
    void aRuleThatFailsUndoesTheMove() {
        try (IllStore store = open()) {
            store.addOutboxRule(t -> {
                throw new IllegalStateException("cannot render");
            });
            IllRequest r = Walk.create(store, Track.COPY);
            long id = r.id();
            assertThrows(IllegalStateException.class, () -> store.apply(id, 0, Command.route(1, "TC"), "router", ""));
            assertEquals(RequestState.REQUESTED, store.find(id).orElseThrow().state());
            assertEquals(List.of(), store.events(id));
            assertEquals(List.of(), store.outbox().ofRequest(id));
        }
    }

    @Test
    void listenersHearOfCommittedMovesOnly() {
        try (IllStore store = open()) {
            var heard = new CopyOnWriteArrayList<String>();
            store.addListener(t -> heard.add(t.event().action() + " " + t.event().seq()));
            IllRequest r = Walk.create(store, Track.COPY);
            store.apply(r.id(), 0, Command.route(1, "TC"), "router", "");
            assertThrows(ConcurrentChangeException.class, () -> store.apply(r.id(), 0, Command.of(Action.CANCEL), "x", ""));
            assertEquals(List.of("ROUTE 1"), heard);
        }
    }

    @Test
    void aFailingTargetIsRetriedWithBackoffAndHoldsBackOnlyItsOwnLaterMessages() {
        try (IllStore store = open()) {
            store.addOutboxRule(EVERY_MOVE);
            var down = new boolean[] {true};
            var received = new CopyOnWriteArrayList<String>();
            Transport transport = e -> {
                if (down[0] && e.message().target().equals("KS")) {
                    throw new java.io.IOException("connection refused");
                }
                received.add(e.message().target() + " " + e.message().payload());
                return "ok";
            };
            var sender = new OutboxSender(store.outbox(), Map.of("test", transport), clock, Duration.ofSeconds(10),
                    Duration.ofMinutes(5));
            IllRequest ks = Walk.create(store, Track.COPY); // reader of KS
            ks = store.apply(ks.id(), 0, Command.route(1, "TC"), "router", "");
            store.apply(ks.id(), 1, Command.sendToLender(Walk.T0.plusSeconds(3600)), "router", "");
            IllRequest other = store.create(Citation.of("u:1", "t"), new Reader("1", "GL"), ServiceType.COPY,
                    new Pickup.AtServicePoint("GL", Pickup.Kind.BRANCH));
            store.apply(other.id(), 0, Command.route(1, "TC"), "router", "");

            assertEquals(new OutboxSender.Report(1, 1), sender.runOnce());
            assertEquals(List.of("GL ROUTE 1"), received, "GL's message went; KS's second waits behind its first");
            OutboxEntry first = store.outbox().pending().getFirst();
            assertEquals(1, first.attempts());
            assertEquals(Walk.T0.plusSeconds(10), first.nextAttempt());
            assertEquals(Optional.of("IOException: connection refused"), first.outcome());

            assertEquals(new OutboxSender.Report(0, 0), sender.runOnce(), "not before its retry time");
            clock.advance(Duration.ofSeconds(10));
            assertEquals(new OutboxSender.Report(0, 1), sender.runOnce());
            assertEquals(Walk.T0.plusSeconds(10 + 20), store.outbox().pending().getFirst().nextAttempt(), "backoff doubles");

            down[0] = false;
            clock.advance(Duration.ofSeconds(20));
            assertEquals(new OutboxSender.Report(2, 0), sender.runOnce());
            assertEquals(List.of("GL ROUTE 1", "KS ROUTE 1", "KS SEND_TO_LENDER 2"), received);
            assertEquals(List.of(), store.outbox().pending());
            assertEquals(Optional.of("ok"), store.outbox().ofRequest(ks.id()).getFirst().outcome());
        }
    }

    /**
     * One dead target with many messages queued behind its first: over a simulated hour the delivery loop
     * tries only that first message, on its backoff schedule, and otherwise waits (each pause moves the clock,
     * so a loop that waited zero would show as thousands of passes, not as a slow test).
     */
    @Test
    void aDeadTargetWithManyQueuedMessagesLeavesTheDeliveryLoopIdle() {
        try (IllStore store = open()) {
            store.addOutboxRule(EVERY_MOVE);
            for (int i = 0; i < 40; i++) {
                IllRequest r = Walk.create(store, Track.COPY); // reader of KS: every message to target KS
                store.apply(r.id(), 0, Command.route(1, "TC"), "router", "");
            }
            var tried = new ArrayList<Long>();
            Transport dead = e -> {
                tried.add(e.id());
                throw new java.io.IOException("connection refused");
            };
            var sender = new OutboxSender(store.outbox(), Map.of("test", dead), clock, Duration.ofSeconds(5),
                    Duration.ofHours(1));
            var pauses = new ArrayList<Duration>();
            Instant end = clock.instant().plus(Duration.ofHours(1));
            sender.loop(Duration.ofSeconds(30), d -> {
                pauses.add(d);
                clock.advance(d);
                if (!clock.instant().isBefore(end) || pauses.size() > 1_000) {
                    sender.close();
                }
            });
            long head = store.outbox().pending().getFirst().id();
            assertEquals(40, store.outbox().pending().size(), "nothing dropped");
            assertTrue(tried.stream().allMatch(id -> id == head), "only the target's first message is offered");
            // 5 s doubling up to an hour: tries at 0, 5, 15, 35, 75, 155, 315, 635, 1275, 2555 s
            assertEquals(10, tried.size(), "send attempts in the hour: " + tried.size());
            assertTrue(pauses.stream().noneMatch(Duration::isZero), "the loop never went round without waiting");
            assertTrue(pauses.size() <= 3600 / 30 + tried.size() + 1, "passes in the hour: " + pauses.size());
        }
    }

    @Test
    void theBackoffStopsGrowingAtItsMaximum() {
        try (IllStore store = open()) {
            var sender = new OutboxSender(store.outbox(), Map.of(), clock, Duration.ofSeconds(5), Duration.ofHours(1));
            assertEquals(Duration.ofSeconds(5), sender.backoff(0));
            assertEquals(Duration.ofSeconds(40), sender.backoff(3));
            assertEquals(Duration.ofHours(1), sender.backoff(40));
        }
    }

    @Test
    void messagesNotYetDeliveredAreSentAfterARestart() {
        long id;
        try (IllStore store = open()) {
            store.addOutboxRule(EVERY_MOVE);
            IllRequest r = Walk.create(store, Track.COPY);
            id = r.id();
            store.apply(id, 0, Command.route(1, "TC"), "router", "");
            store.apply(id, 1, Command.sendToLender(Walk.T0.plusSeconds(3600)), "router", "");
        }
        var received = new ArrayList<String>();
        try (IllStore reopened = open()) {
            var sender = new OutboxSender(reopened.outbox(), Map.of("test", e -> {
                received.add(e.message().payload());
                return "ok";
            }), clock, Duration.ofSeconds(1), Duration.ofSeconds(1));
            sender.runOnce();
            assertEquals(List.of("ROUTE 1", "SEND_TO_LENDER 2"), received);
            assertTrue(reopened.outbox().ofRequest(id).stream().allMatch(e -> e.deliveredAt().isPresent()));
        }
    }

    @Test
    void anAgencysRequestIsRecordedOnceAndItsSecretOnlyHashed() throws Exception {
        try (IllStore store = open()) {
            var agency = new Agency("ISIL:DE-1", "Nationallizenzen", URI.create("http://localhost:1/iso18626"), "de-1",
                    "Unter den Linden 8, Berlin");
            store.agencies().register(agency, "a-long-shared-secret-0001");
            assertEquals(Optional.of(agency), store.agencies().authenticate("ISIL:DE-1", "de-1", "a-long-shared-secret-0001"));
            assertEquals(Optional.empty(), store.agencies().authenticate("ISIL:DE-1", "de-1", "a-long-shared-secret-0002"));
            assertEquals(Optional.empty(), store.agencies().authenticate("ISIL:DE-1", "other", "a-long-shared-secret-0001"));
            assertThrows(IllegalArgumentException.class, () -> store.agencies().register(agency, "short"));

            var link = new AgencyLink("ISIL:DE-1", "req-1");
            var reader = new Reader("patron-9", "ISIL:DE-1");
            var home = new Pickup.HomeDelivery("Unter den Linden 8, Berlin");
            var first = store.createForAgency(link, Citation.of("u:1", "红楼梦"), reader, ServiceType.LOAN, home);
            var again = store.createForAgency(link, Citation.of("u:1", "红楼梦"), reader, ServiceType.LOAN, home);
            assertTrue(first.isNew());
            assertFalse(again.isNew());
            assertEquals(first.request().id(), again.request().id());
            assertEquals(Optional.of(first.request().id()), store.agencies().requestOf(link));
            assertEquals(Optional.of(link), store.agencies().linkOf(first.request().id()));
            store.agencies().register(agency, "a-new-shared-secret-00002"); // re-registering keeps its requests
            assertEquals(Optional.of(first.request().id()), store.agencies().requestOf(link));
        }
    }

    private static List<String> payloads(List<OutboxEntry> entries) {
        return entries.stream().map(e -> e.message().payload()).toList();
    }
}
