package org.tongjie.api.ill;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.ill.IllTestHub.As;
import org.tongjie.catalog.LibraryKind;

/**
 * The "Done when", every step through the HTTP API: a reader of library A requests a book held by
 * B and C; routing picks B (nearer the reader's locker); B says unfilled; C ships with a waybill; it
 * arrives at A's smart locker, is lent and renewed, returned at a 24-hour kiosk of library D, travels home
 * and is checked in by C.
 */
class InterlibraryLoanEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aReaderOfABorrowsFromCAfterBCannotFillAndReturnsAtDsKiosk() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC())) {
            // Kunshan-like geography: A's locker at Huaqiao; B (Lujia) ~6 km from it, C (Taicang) ~17 km.
            hub.library("a", LibraryKind.CENTRAL, null, 31.3847, 120.9800)
                    .library("a-locker", LibraryKind.SMART_LOCKER, "a", 31.3020, 121.1080)
                    .library("b", LibraryKind.CENTRAL, null, 31.3240, 121.0470)
                    .library("c", LibraryKind.CENTRAL, null, 31.4570, 121.1300)
                    .library("d", LibraryKind.CENTRAL, null, 31.6540, 120.7520)
                    .library("d-kiosk", LibraryKind.KIOSK_24H, "d", 31.6450, 120.7400);
            byte[] record = IllTestHub.lendableKohaRecord();
            assertEquals(200, hub.post("/api/libraries/b/records", As.member("b"), record).status());
            assertEquals(200, hub.post("/api/libraries/c/records", As.member("c"), record).status());
            var union = hub.catalog.search().page("", 1, 10).hits();
            assertEquals(1, union.size(), "B's and C's copies of the record are one union record");
            assertEquals(List.of("b", "c"), union.getFirst().libraries().stream().sorted().toList());
            String recordOfB = union.getFirst().id();

            String staffA = hub.staffKey("a");
            String staffB = hub.staffKey("b");
            String staffC = hub.staffKey("c");
            String staffD = hub.staffKey("d");
            String lockerMachine = hub.staffKey("a-locker");
            String kioskMachine = hub.staffKey("d-kiosk");
            var reader = As.reader("320583000123456", "2468");
            assertEquals(201, hub.post("/api/ill/readers", As.key(staffA),
                    Map.of("cardNumber", "320583000123456", "homeLibraryId", "a", "pin", "2468")).status());

            // The reader asks for B's record, to be picked up at A's smart locker.
            var created = hub.post("/api/ill/requests", reader, Map.of("recordId", recordOfB,
                    "pickup", Map.of("libraryId", "a-locker", "kind", "SMART_LOCKER")));
            assertEquals(201, created.status(), created.json().toString());
            long id = created.get("id").asLong();
            JsonNode rota = created.get("rota");
            assertEquals("b", rota.get(0).get("libraryId").asText(), rota.toString());
            assertEquals("c", rota.get(1).get("libraryId").asText(), rota.toString());
            assertTrue(rota.get(0).get("reason").asText().contains("ahead of c: shorter delivery"), rota.toString());
            assertEquals("AT_LENDER", created.get("state").asText());
            assertEquals("b", created.at("/progress/lender").asText());
            assertEquals("****3456", created.at("/reader/card").asText());
            assertEquals(List.of("CANCEL"), texts(created.get("allowedActions")));

            // B finds its copy is gone: unfilled, and the rota moves on to C.
            assertEquals(List.of(id), ids(hub.get("/api/ill/libraries/b/queues/to-fill", As.key(staffB))));
            var r = act(hub, staffB, id, version(hub, staffB, id), Map.of("action", "UNFILLED", "note", "not on the shelf"));
            assertEquals("AT_LENDER", r.get("state").asText());
            assertEquals("c", r.at("/progress/lender").asText());
            assertEquals("UNFILLED", r.at("/rota/0/status").asText());
            assertEquals("not on the shelf", r.at("/rota/0/outcome").asText());
            long stale = r.get("version").asLong() - 1;
            var conflict = hub.post("/api/ill/requests/" + id + "/actions", As.key(staffC),
                    Map.of("action", "WILL_SUPPLY", "version", stale));
            assertEquals(409, conflict.status(), "a stale version is refused");

            // C supplies: will supply, pick list, pick, ship with a waybill, the courier departs.
            r = act(hub, staffC, id, r.get("version").asLong(), Map.of("action", "WILL_SUPPLY"));
            var pick = hub.get("/api/ill/libraries/c/pick-list", As.key(staffC));
            assertEquals(id, pick.json().get(0).get("requestId").asLong());
            assertFalse(pick.json().get(0).get("barcode").asText().isBlank());
            r = act(hub, staffC, id, r.get("version").asLong(), Map.of("action", "PICK"));
            r = act(hub, staffC, id, r.get("version").asLong(),
                    Map.of("action", "SHIP", "courier", "SF Express", "waybill", "SF1400012345678"));
            r = act(hub, staffC, id, r.get("version").asLong(), Map.of("action", "DEPART"));

            // It arrives at A's locker; the locker lends it to the reader; the reader renews.
            assertEquals(List.of(id), ids(hub.get("/api/ill/libraries/a-locker/queues/to-receive", As.key(staffA))));
            r = act(hub, lockerMachine, id, r.get("version").asLong(), Map.of("action", "SHELVE_FOR_PICKUP", "slot", "L-07"));
            assertEquals("READY_FOR_PICKUP", r.get("state").asText());
            assertFalse(r.at("/progress/holdUntil").asText().isBlank());
            String code = hub.get("/api/ill/requests/" + id, reader).get("pickupCode").asText();
            r = act(hub, lockerMachine, id, r.get("version").asLong(), Map.of("action", "LOAN", "pickupCode", code));
            String due = r.at("/progress/due").asText();
            var renewed = hub.post("/api/ill/requests/" + id + "/actions", reader,
                    Map.of("action", "RENEW", "version", r.get("version").asLong()));
            assertEquals(200, renewed.status(), renewed.json().toString());
            r = renewed.json();
            assertTrue(r.at("/progress/due").asText().compareTo(due) > 0, "renewal moves the due date on");

            // Returned at D's 24-hour kiosk (通借通还), sent home by D, checked in by C.
            r = act(hub, kioskMachine, id, r.get("version").asLong(),
                    Map.of("action", "RETURN", "returnPoint", Map.of("libraryId", "d-kiosk", "kind", "KIOSK_24H")));
            assertEquals(List.of(id), ids(hub.get("/api/ill/libraries/d-kiosk/queues/to-send-home", As.key(staffD))));
            r = act(hub, staffD, id, r.get("version").asLong(), Map.of("action", "SEND_HOME"));
            assertEquals(List.of(id), ids(hub.get("/api/ill/libraries/c/queues/to-check-in", As.key(staffC))));
            r = act(hub, staffC, id, r.get("version").asLong(), Map.of("action", "CHECK_IN"));
            r = act(hub, staffC, id, r.get("version").asLong(), Map.of("action", "COMPLETE"));
            assertEquals("COMPLETED", r.get("state").asText());

            // The reader sees the whole story: timeline, actors, waybill, the rota with reasons.
            var mine = hub.get("/api/ill/requests/" + id, reader);
            assertEquals(200, mine.status());
            assertEquals(List.of("ROUTED", "AT_LENDER", "UNFILLED", "ROUTED", "AT_LENDER", "WILL_SUPPLY", "PICKED",
                    "SHIPPED", "IN_TRANSIT", "READY_FOR_PICKUP", "ON_LOAN", "RENEWED", "RETURNED", "IN_TRANSIT_HOME",
                    "CHECKED_IN", "COMPLETED"), texts(mine.get("timeline"), "to"));
            JsonNode timeline = mine.get("timeline");
            assertEquals("SF1400012345678", timeline.get(7).at("/details/waybill").asText());
            assertEquals("staff:b:desk", timeline.get(2).get("actor").asText());
            assertEquals("reader:a:****3456", timeline.get(11).get("actor").asText());
            assertEquals("d-kiosk", timeline.get(12).at("/details/point/libraryId").asText());
            assertEquals(mine.get("version").asLong(), timeline.size());
        }
    }

    private static JsonNode act(IllTestHub hub, String key, long id, long version, Map<String, Object> body)
            throws Exception {
        var withVersion = new java.util.HashMap<>(body);
        withVersion.put("version", version);
        var answer = hub.post("/api/ill/requests/" + id + "/actions", As.key(key), withVersion);
        assertEquals(200, answer.status(), body + " answered " + answer.json());
        return answer.json();
    }

    private static long version(IllTestHub hub, String key, long id) throws Exception {
        return hub.get("/api/ill/requests/" + id, As.key(key)).get("version").asLong();
    }

    private static List<Long> ids(IllTestHub.Answer a) {
        assertEquals(200, a.status(), a.json().toString());
        var out = new ArrayList<Long>();
        a.json().forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
