package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IllStoreTest {
    @TempDir
    Path dir;

    /** The store under test; {@code PostgresIllStoreTest} runs every test here on PostgreSQL. */
    IllStore open() {
        return IllStore.openSqlite(dir.resolve("hub.db"), Clock.fixed(Walk.T0, ZoneOffset.UTC));
    }

    /** A plain connection to the same database, past the store. */
    java.sql.Connection raw() throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"));
    }

    /** The "Done when" journey, at the store level: A's reader, B unfilled, C ships, returned at D. */
    @Test
    void lockerLoanFromRequestToCompletion() {
        IllStore store = open();
        var citation = new Citation("urn:tongjie:union:42", "平凡的世界", Optional.of("路遥"), Optional.empty(),
                Optional.empty());
        var locker = new Pickup.AtServicePoint("A", Pickup.Kind.SMART_LOCKER);
        IllRequest r = store.create(citation, new Reader("A-0001", "A"), ServiceType.LOAN, locker);
        Instant holdUntil = Instant.parse("2025-03-08T10:00:00Z");
        Instant due = Instant.parse("2025-04-01T16:00:00Z");
        Instant renewed = Instant.parse("2025-05-01T16:00:00Z");
        var kioskOfD = new Pickup.AtServicePoint("D", Pickup.Kind.KIOSK_24H);
        Instant answerBy = Instant.parse("2025-03-03T02:00:00Z");
        List<Command> journey = List.of(Command.route(1, "B"), Command.sendToLender(answerBy),
                Command.of(Action.UNFILLED), Command.route(2, "C"), Command.sendToLender(answerBy),
                Command.of(Action.WILL_SUPPLY), Command.of(Action.PICK), Command.ship("SF Express", "SF1234567890"),
                Command.of(Action.DEPART), Command.shelveForPickup("L-07", holdUntil), Command.loan(due),
                Command.renew(renewed), Command.returnAt(kioskOfD), Command.of(Action.SEND_HOME),
                Command.of(Action.CHECK_IN), Command.of(Action.COMPLETE));
        List<String> actors = List.of("router", "router", "staff:B", "router", "router", "staff:C", "staff:C",
                "staff:C", "courier", "staff:A", "reader", "reader", "kiosk:D", "staff:D", "staff:C", "staff:C");
        for (int i = 0; i < journey.size(); i++) {
            r = store.apply(r.id(), r.version(), journey.get(i), actors.get(i), i == 2 ? "B: on loan to a local reader" : "");
        }
        assertEquals(RequestState.COMPLETED, r.state());

        List<RequestEvent> events = store.events(r.id());
        assertEquals(List.of(RequestState.ROUTED, RequestState.AT_LENDER, RequestState.UNFILLED, RequestState.ROUTED,
                RequestState.AT_LENDER, RequestState.WILL_SUPPLY, RequestState.PICKED, RequestState.SHIPPED,
                RequestState.IN_TRANSIT, RequestState.READY_FOR_PICKUP, RequestState.ON_LOAN, RequestState.RENEWED,
                RequestState.RETURNED, RequestState.IN_TRANSIT_HOME, RequestState.CHECKED_IN, RequestState.COMPLETED),
                events.stream().map(RequestEvent::to).toList());
        for (int i = 0; i < events.size(); i++) {
            RequestEvent e = events.get(i);
            assertEquals(i + 1, e.seq());
            assertEquals(actors.get(i), e.actor());
            assertEquals(journey.get(i).action(), e.action());
            assertEquals(journey.get(i).details(), e.details());
            assertEquals(Walk.T0, e.at());
            assertEquals(i == 0 ? RequestState.REQUESTED : events.get(i - 1).to(), e.from());
        }
        assertEquals(Optional.of("B: on loan to a local reader"), events.get(2).note());
        assertEquals(new Details.Shipment("SF Express", "SF1234567890"), events.get(7).details());
        assertEquals(new Details.PickupShelf("L-07", holdUntil), events.get(9).details());
        assertEquals(new Details.ReturnedAt(kioskOfD), events.get(12).details());
        assertEquals(citation, store.find(r.id()).orElseThrow().citation(), "the citation never changes");
    }

    @Test
    void cancelIsAllowedBeforeShippingAndRefusedAfter() {
        IllStore store = open();
        IllRequest picked = Walk.driveTo(store, Track.LOAN_AT_SERVICE_POINT, RequestState.PICKED);
        assertEquals(RequestState.CANCELLED,
                store.apply(picked.id(), picked.version(), Command.of(Action.CANCEL), "reader", "changed my mind").state());

        IllRequest shipped = Walk.driveTo(store, Track.LOAN_AT_SERVICE_POINT, RequestState.SHIPPED);
        var e = assertThrows(IllegalTransitionException.class,
                () -> store.apply(shipped.id(), shipped.version(), Command.of(Action.CANCEL), "reader", ""));
        assertEquals("ILL request " + shipped.id() + " is SHIPPED: CANCEL is not allowed from there. "
                + "Allowed actions: [DEPART].", e.getMessage());
        assertEquals(RequestState.SHIPPED, store.find(shipped.id()).orElseThrow().state());
        assertEquals(shipped.version(), store.events(shipped.id()).size(), "a refused action appends no event");
    }

    @Test
    void copyIsShippedAndCompletedWithoutLoanStates() {
        IllStore store = open();
        IllRequest r = Walk.driveTo(store, Track.COPY, RequestState.WILL_SUPPLY);
        r = store.apply(r.id(), r.version(), Command.ship("email", "DD-2025-0001"), "staff:C", "");
        r = store.apply(r.id(), r.version(), Command.of(Action.COMPLETE), "staff:C", "");
        assertEquals(RequestState.COMPLETED, r.state());
    }

    @Test
    void homeDeliveryStartsTheLoanAtTheDoor() {
        IllStore store = open();
        IllRequest r = Walk.driveTo(store, Track.LOAN_HOME_DELIVERY, RequestState.IN_TRANSIT);
        r = store.apply(r.id(), r.version(), Command.loan(Walk.T0.plusSeconds(86_400 * 30)), "courier", "");
        assertEquals(RequestState.ON_LOAN, r.state());
        assertEquals(new Pickup.HomeDelivery("昆山市前进西路1号"), store.find(r.id()).orElseThrow().pickup());
    }

    @Test
    void staleVersionIsRefusedAndNamesTheVersionSeen() {
        IllStore store = open();
        IllRequest r = Walk.create(store, Track.LOAN_AT_SERVICE_POINT);
        store.apply(r.id(), 0, Command.route(1, "B"), "router", "");
        var e = assertThrows(ConcurrentChangeException.class,
                () -> store.apply(r.id(), 0, Command.of(Action.CANCEL), "reader", ""));
        assertEquals(0, e.seenVersion());
        assertTrue(e.getMessage().contains("request " + r.id()) && e.getMessage().contains("version 0"), e.getMessage());
    }

    @Test
    void unknownRequestIsReported() {
        IllStore store = open();
        assertEquals(Optional.empty(), store.find(999));
        assertThrows(UnknownRequestException.class, () -> store.apply(999, 0, Command.route(1, "B"), "x", ""));
    }

    @Test
    void reopeningTheFileKeepsRequestsAndEvents() {
        IllStore first = open();
        IllRequest r = Walk.driveTo(first, Track.LOAN_AT_SERVICE_POINT, RequestState.SHIPPED);
        List<RequestEvent> events = first.events(r.id());

        IllStore reopened = open();
        assertEquals(r, reopened.find(r.id()).orElseThrow());
        assertEquals(events, reopened.events(r.id()));
    }

    @Test
    void eventsAreAppendOnlyInTheDatabase() throws Exception {
        IllStore store = open();
        IllRequest r = Walk.driveTo(store, Track.LOAN_AT_SERVICE_POINT, RequestState.ROUTED);
        try (var c = raw(); var st = c.createStatement()) {
            var update = assertThrows(java.sql.SQLException.class,
                    () -> st.executeUpdate("UPDATE ill_events SET actor = 'forger' WHERE request_id = " + r.id()));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(java.sql.SQLException.class, () -> st.executeUpdate("DELETE FROM ill_events"));
        }
        assertEquals("test", store.events(r.id()).getFirst().actor());
    }

    @Test
    void commandWithWrongDetailsSaysWhatItNeeds() {
        var e = assertThrows(IllegalArgumentException.class, () -> Command.of(Action.SHIP));
        assertTrue(e.getMessage().startsWith("SHIP needs Shipment details"), e.getMessage());
    }

    @Test
    void readerCardNumberIsMaskedInToString() {
        assertEquals("Reader[card=****3456, homeLibraryId=KS]", new Reader("320583000123456", "KS").toString());
    }
}
