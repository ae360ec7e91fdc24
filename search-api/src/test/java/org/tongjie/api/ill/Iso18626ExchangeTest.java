package org.tongjie.api.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.ill.IllTestHub.As;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.ill.AgencyLink;
import org.tongjie.ill.iso18626.Iso18626;
import org.tongjie.ill.iso18626.Iso18626.ErrorType;
import org.tongjie.ill.iso18626.Iso18626.MessageStatus;
import org.tongjie.ill.iso18626.Iso18626.ReasonForMessage;
import org.tongjie.ill.iso18626.Iso18626.Status;
import org.tongjie.testing.SharedData;

/**
 * The hub as ISO 18626 supplying agency, over HTTP: an external agency (a JDK HttpServer standing in for the
 * peer we do not have) sends a request built from a real crosslink message; member staff act through the
 * hub's API; the agency receives schema-valid supplyingAgencyMessages, in order, through the outbox.
 */
class Iso18626ExchangeTest {
    @TempDir
    Path dir;

    private static final String SYMBOL = FakeAgency.TYPE + ":" + FakeAgency.VALUE;

    private static String loadRecordAtB(IllTestHub hub) throws Exception {
        hub.library("b", LibraryKind.CENTRAL, null, 31.3240, 121.0470);
        assertEquals(200, hub.post("/api/libraries/b/records", As.member("b"), IllTestHub.lendableKohaRecord()).status());
        return hub.catalog.search().page("", 1, 1).hits().getFirst().id();
    }

    @Test
    void anAgencyBorrowsFromAMemberAndHearsEveryStepInOrder() throws Exception {
        try (var agency = new FakeAgency(); var hub = new IllTestHub(dir, Clock.systemUTC())) {
            String record = loadRecordAtB(hub);
            assertEquals(201, hub.post("/api/ill/agencies", As.key(hub.adminKey), agency.registration()).status());
            hub.ill.scheduleJobs(60); // starts the outbox's background delivery
            var staffB = As.key(hub.staffKey("b"));

            String request = FakeAgency.request(record, "berlin-0001");
            Iso18626.Confirmation confirmed = hub.iso18626(request);
            assertEquals(MessageStatus.OK, confirmed.status(), confirmed.toString());
            assertEquals(Optional.of("berlin-0001"), confirmed.echo().requestingAgencyRequestId());
            assertEquals(MessageStatus.OK, hub.iso18626(request).status(), "sent twice, still one request");
            long id = hub.ill.store().agencies().requestOf(new AgencyLink(SYMBOL, "berlin-0001")).orElseThrow();
            assertTrue(hub.ill.store().find(id + 1).isEmpty(), "the repeated request made no second one");

            var shown = hub.get("/api/ill/requests/" + id, staffB);
            assertEquals("AT_LENDER", shown.get("state").asText(), shown.json().toString());
            var asAdmin = hub.get("/api/ill/requests/" + id, As.key(hub.adminKey));
            assertEquals("The Prancing Pony Inn, Bree", asAdmin.at("/pickup/homeAddress").asText(),
                    "delivered to the address in the request's requestedDeliveryInfo");
            assertEquals(SYMBOL, asAdmin.at("/reader/homeLibraryId").asText(), "the agency borrows");
            long v = act(hub, staffB, id, Map.of("action", "WILL_SUPPLY"));
            v = act(hub, staffB, id, Map.of("action", "PICK", "version", v));
            act(hub, staffB, id, Map.of("action", "SHIP", "version", v, "courier", "EMS", "waybill", "EE123456789CN"));

            var willSupply = agency.next();
            assertEquals(Status.WillSupply, willSupply.status());
            assertEquals(ReasonForMessage.StatusChange, willSupply.reason());
            assertEquals("berlin-0001", willSupply.header().requestingAgencyRequestId());
            assertEquals(Optional.of(Long.toString(id)), willSupply.header().supplyingAgencyRequestId());
            assertEquals(IllHttp.HUB_AGENCY, willSupply.header().supplyingAgencyId());
            var shipped = agency.next();
            assertEquals(Status.Loaned, shipped.status());
            assertEquals(Optional.of("EMS EE123456789CN"), shipped.delivery().flatMap(Iso18626.Delivery::sentVia));
            assertTrue(shipped.delivery().flatMap(Iso18626.Delivery::itemId).isPresent(), "the copy's barcode");

            assertEquals(MessageStatus.OK, hub.iso18626(FakeAgency.action("berlin-0001", "Received")).status());
            var loaned = agency.next();
            assertEquals(Status.Loaned, loaned.status());
            assertTrue(loaned.dueDate().isPresent(), "the loan starts at the agency's door, with the lender's due date");
            assertEquals("ON_LOAN", hub.get("/api/ill/requests/" + id, staffB).get("state").asText());

            assertEquals(MessageStatus.OK, hub.iso18626(FakeAgency.action("berlin-0001", "Renew")).status());
            var renewed = agency.next();
            assertEquals(ReasonForMessage.RenewResponse, renewed.reason());
            assertEquals(Optional.of(true), renewed.answerYes());
            assertTrue(renewed.dueDate().orElseThrow().isAfter(loaned.dueDate().orElseThrow()));

            var notification = hub.iso18626(FakeAgency.action("berlin-0001", "Notification"));
            assertEquals(ErrorType.UnsupportedActionType, notification.error().orElseThrow().type());

            assertEquals(MessageStatus.OK, hub.iso18626(FakeAgency.action("berlin-0001", "ShippedReturn")).status());
            v = hub.get("/api/ill/requests/" + id, staffB).get("version").asLong();
            v = act(hub, staffB, id, Map.of("action", "CHECK_IN", "version", v));
            act(hub, staffB, id, Map.of("action", "COMPLETE", "version", v));
            assertEquals(Status.LoanCompleted, agency.next().status());
            assertEquals(List.of(), agency.refusedByUs.stream().toList());
            long deadline = System.nanoTime() + 10_000_000_000L; // the agency has it; the hub records the answer
            while (!hub.ill.store().outbox().pending().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(), hub.ill.store().outbox().pending());
        }
    }

    @Test
    void aCancelTheHubCannotGrantIsConfirmedThenAnsweredNo() throws Exception {
        try (var agency = new FakeAgency(); var hub = new IllTestHub(dir, Clock.systemUTC())) {
            String record = loadRecordAtB(hub);
            hub.post("/api/ill/agencies", As.key(hub.adminKey), agency.registration());
            var staffB = As.key(hub.staffKey("b"));
            hub.iso18626(FakeAgency.request(record, "berlin-0002"));
            long id = hub.ill.store().agencies().requestOf(new AgencyLink(SYMBOL, "berlin-0002")).orElseThrow();
            long v = act(hub, staffB, id, Map.of("action", "WILL_SUPPLY"));
            v = act(hub, staffB, id, Map.of("action", "PICK", "version", v));
            act(hub, staffB, id, Map.of("action", "SHIP", "version", v, "courier", "EMS", "waybill", "EE1"));
            assertEquals(MessageStatus.OK, hub.iso18626(FakeAgency.action("berlin-0002", "Cancel")).status());
            hub.ill.deliverOutbox();
            List<Iso18626.SupplyingAgencyMessage> got = List.of(agency.next(), agency.next(), agency.next());
            var answer = got.getLast();
            assertEquals(ReasonForMessage.CancelResponse, answer.reason());
            assertEquals(Optional.of(false), answer.answerYes());
            assertEquals(Status.Loaned, answer.status(), "it has been shipped: the loan stands");
            assertEquals("SHIPPED", hub.get("/api/ill/requests/" + id, staffB).get("state").asText());
        }
    }

    @Test
    void strangersWrongSecretsAndUnknownBooksAreRefusedInTheConfirmation() throws Exception {
        try (var agency = new FakeAgency(); var hub = new IllTestHub(dir, Clock.systemUTC())) {
            String record = loadRecordAtB(hub);
            String request = FakeAgency.request(record, "berlin-0003");
            assertRefused(hub.iso18626(request), ErrorType.UnrecognisedDataValue, "not registered");
            hub.post("/api/ill/agencies", As.key(hub.adminKey), agency.registration());
            assertRefused(hub.iso18626(request.replace(FakeAgency.SECRET, "not-the-secret-at-all")),
                    ErrorType.UnrecognisedDataValue, "requestingAgencyAuthentication");
            assertRefused(hub.iso18626(request.replace("<agencyIdValue>CN-TONGJIE</agencyIdValue>",
                    "<agencyIdValue>BROKER</agencyIdValue>")), ErrorType.UnrecognisedDataValue, "supplyingAgencyId");
            assertRefused(hub.iso18626(FakeAgency.request("no-such-record", "berlin-0004")
                    .replace("<bibliographicItemIdentifier>1983</bibliographicItemIdentifier>",
                            "<bibliographicItemIdentifier>9780000000002</bibliographicItemIdentifier>")),
                    ErrorType.UnrecognisedDataValue, "bibliographicInfo");
            assertRefused(hub.iso18626(FakeAgency.action("berlin-9999", "Cancel")), ErrorType.UnrecognisedDataValue,
                    "not found");
            assertTrue(hub.ill.store().find(1).isEmpty(), "nothing refused became a request");
        }
    }

    /** Every real crosslink message gets a schema-valid confirmation of its kind, invalid ones with the right error. */
    @Test
    void everyCrosslinkMessageIsAnsweredWithAValidConfirmationOfItsKind() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC())) {
            Path testdata = SharedData.file("iso18626-crosslink/broker/test/testdata/reqmsg-ok.xml").getParent();
            Map<String, ErrorType> invalid = Map.of("msg-invalid.xml", ErrorType.BadlyFormedMessage,
                    "reqmsg-invalid-action.xml", ErrorType.UnsupportedActionType,
                    "supmsg-invalid-reason.xml", ErrorType.UnsupportedReasonForMessageType,
                    "supmsg-invalid-status.xml", ErrorType.UnrecognisedDataValue);
            try (var files = Files.list(testdata)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    var c = hub.iso18626(Files.readString(f));
                    var kind = name.startsWith("supmsg") ? Iso18626.Kind.SUPPLYING_AGENCY_MESSAGE
                            : name.startsWith("reqmsg") ? Iso18626.Kind.REQUESTING_AGENCY_MESSAGE : Iso18626.Kind.REQUEST;
                    assertEquals(kind, c.answers(), name);
                    assertEquals(MessageStatus.ERROR, c.status(), name + ": no agency here is registered, so nothing is OK");
                    if (invalid.containsKey(name)) {
                        assertEquals(invalid.get(name), c.error().orElseThrow().type(), name);
                    }
                }
            }
        }
    }

    @Test
    void reportsNotYetDeliveredReachTheAgencyAfterAHubRestart() throws Exception {
        int port;
        String record;
        long id;
        try (var agency = new FakeAgency(); var hub = new IllTestHub(dir, Clock.systemUTC())) {
            port = agency.port();
            record = loadRecordAtB(hub);
            hub.post("/api/ill/agencies", As.key(hub.adminKey), agency.registration());
            hub.iso18626(FakeAgency.request(record, "berlin-0005"));
            id = hub.ill.store().agencies().requestOf(new AgencyLink(SYMBOL, "berlin-0005")).orElseThrow();
            agency.down = true;
            long v = act(hub, As.key(hub.staffKey("b")), id, Map.of("action", "WILL_SUPPLY"));
            act(hub, As.key(hub.staffKey("b")), id, Map.of("action", "UNFILLED", "version", v, "note", "damaged"));
            assertEquals(new org.tongjie.ill.OutboxSender.Report(0, 1), hub.ill.deliverOutbox());
            var pending = hub.get("/api/ill/outbox", As.key(hub.adminKey));
            assertEquals(2, pending.json().size(), pending.json().toString());
            assertTrue(pending.json().get(0).get("outcome").asText().contains("503"), pending.json().toString());
        }
        try (var agency = new FakeAgency(port); var hub = new IllTestHub(dir, Clock.systemUTC())) {
            hub.ill.scheduleJobs(60);
            assertEquals(Status.WillSupply, agency.next().status());
            var unfilled = agency.next();
            assertEquals(Status.Unfilled, unfilled.status(), "the only lender could not: the network cannot supply");
            assertEquals("berlin-0005", unfilled.header().requestingAgencyRequestId());
        }
    }

    @Test
    void aReportTheAgencyTookIsNotSentAgainWhenItsConfirmationIsBroken() throws Exception {
        try (var agency = new FakeAgency(); var hub = new IllTestHub(dir, Clock.systemUTC())) {
            String record = loadRecordAtB(hub);
            hub.post("/api/ill/agencies", As.key(hub.adminKey), agency.registration());
            hub.iso18626(FakeAgency.request(record, "berlin-0006"));
            long id = hub.ill.store().agencies().requestOf(new AgencyLink(SYMBOL, "berlin-0006")).orElseThrow();
            agency.garbles = true;
            act(hub, As.key(hub.staffKey("b")), id, Map.of("action", "WILL_SUPPLY"));

            assertEquals(new org.tongjie.ill.OutboxSender.Report(1, 0), hub.ill.deliverOutbox());
            assertEquals(new org.tongjie.ill.OutboxSender.Report(0, 0), hub.ill.deliverOutbox());

            assertEquals(Status.WillSupply, agency.next().status());
            assertEquals(List.of(), agency.received.stream().toList(), "the agency got the report once");
            assertEquals(List.of(), hub.ill.store().outbox().pending());
        }
    }

    private static void assertRefused(Iso18626.Confirmation c, ErrorType type, String why) {
        assertEquals(MessageStatus.ERROR, c.status(), c.toString());
        assertEquals(type, c.error().orElseThrow().type(), c.toString());
        assertTrue(c.error().get().value().contains(why), c.error().get().value());
    }

    /** A staff action through the API; the version is read first when the body has none. */
    private static long act(IllTestHub hub, As staff, long id, Map<String, Object> body) throws Exception {
        var withVersion = new java.util.HashMap<>(body);
        if (!withVersion.containsKey("version")) {
            withVersion.put("version", hub.get("/api/ill/requests/" + id, staff).get("version").asLong());
        }
        var a = hub.post("/api/ill/requests/" + id + "/actions", staff, withVersion);
        assertEquals(200, a.status(), a.json().toString());
        return a.get("version").asLong();
    }
}
