package org.tongjie.api.ill;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.Record;
import org.tongjie.api.ill.IllTestHub.As;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.ill.LendingPolicy;
import org.tongjie.ill.LibrarySettings;

/**
 * Copies, not just requests, walked through the HTTP API as readers and desks of a small network do: a
 * pickup at a 24-hour kiosk, at a smart locker with its code, a return at another library sent home, a
 * return that floats, and a hold filled when the copy comes back. Each step asserts the copy's state as
 * every desk sees it ({@code GET /api/ill/copies/{barcode}}) and the reader's notices.
 */
class CopyJourneysTest {
    @TempDir
    Path dir;
    IllTestHub hub;
    String recordId;
    String barcode;
    String staffA;
    String staffB;
    String staffC;
    String kioskMachine;
    String lockerMachine;
    As reader;

    @BeforeEach
    void network() throws Exception {
        hub = new IllTestHub(dir, Clock.systemUTC());
        hub.library("a", LibraryKind.CENTRAL, null, 31.3847, 120.9800)
                .library("a-kiosk", LibraryKind.KIOSK_24H, "a", 31.3900, 120.9580)
                .library("a-locker", LibraryKind.SMART_LOCKER, "a", 31.3020, 121.1080)
                .library("b", LibraryKind.CENTRAL, null, 31.3240, 121.0470)
                .library("c", LibraryKind.CENTRAL, null, 31.4570, 121.1300);
        assertEquals(200, hub.post("/api/libraries/b/records", As.member("b"), oneCopy(IllTestHub.lendableKohaRecord())).status());
        var hit = hub.catalog.search().page("", 1, 10).hits().getFirst();
        recordId = hit.id();
        barcode = hit.holdings().getFirst().barcode().orElseThrow();
        staffA = hub.staffKey("a");
        staffB = hub.staffKey("b");
        staffC = hub.staffKey("c");
        kioskMachine = hub.staffKey("a-kiosk");
        lockerMachine = hub.staffKey("a-locker");
        reader = newReader("320583000123456");
    }

    @AfterEach
    void close() throws Exception {
        hub.close();
    }

    @Test
    void kioskPickup() throws Exception {
        long id = request(reader, "a-kiosk", "KIOSK_24H");
        assertCopy("RESERVED", "b", id);
        assertEquals(List.of(), kinds(reader));
        JsonNode r = shipFromB(id);
        assertEquals("a-kiosk", copy().get("place").asText());
        assertEquals(List.of("SHIPPED"), kinds(reader));
        r = act(kioskMachine, id, r, Map.of("action", "SHELVE_FOR_PICKUP", "slot", "K-03"));
        JsonNode onShelf = assertCopy("ON_HOLD_SHELF", "a-kiosk", id);
        assertEquals("K-03", onShelf.get("place").asText());
        assertEquals(List.of("READY_FOR_PICKUP", "SHIPPED"), kinds(reader));
        assertTrue(notices(reader).get(0).get("text").asText().contains("K-03"));
        r = act(kioskMachine, id, r, Map.of("action", "LOAN"));
        JsonNode lent = assertCopy("ON_LOAN", "a-kiosk", id);
        assertEquals("a", lent.get("place").asText(), "lent to a reader of a");
        assertEquals(r.at("/progress/due").asText().substring(0, 16), lent.get("until").asText().substring(0, 16));
        assertEquals(List.of("SHIPPED"), kinds(reader), "the pickup notice retires once the book is collected");
        assertEquals(List.of("RESERVED", "IN_TRANSIT", "ON_HOLD_SHELF", "ON_LOAN"), texts(copy().get("history"), "to"));
    }

    @Test
    void lockerPickupWithACode() throws Exception {
        long id = request(reader, "a-locker", "SMART_LOCKER");
        JsonNode r = act(lockerMachine, id, shipFromB(id), Map.of("action", "SHELVE_FOR_PICKUP", "slot", "L-07"));
        assertCopy("IN_LOCKER", "a-locker", id);
        String code = hub.get("/api/ill/requests/" + id, reader).get("pickupCode").asText();
        assertTrue(code.matches("\\d{6}"), code);
        assertNull(r.get("pickupCode"), "the code is the reader's, not the desk's: " + r);
        assertEquals(List.of("READY_IN_LOCKER", "SHIPPED"), kinds(reader));
        assertTrue(notices(reader).get(0).get("text").asText().contains(code));

        var another = hub.post("/api/ill/requests/" + id + "/actions", As.key(lockerMachine),
                Map.of("action", "SHELVE_FOR_PICKUP", "slot", "L-07", "version", r.get("version").asLong()));
        assertEquals(409, another.status(), "already shelved: " + another.json());
        String wrong = code.equals("000000") ? "111111" : "000000";
        var refused = hub.post("/api/ill/requests/" + id + "/actions", As.key(lockerMachine),
                Map.of("action", "LOAN", "pickupCode", wrong, "version", r.get("version").asLong()));
        assertEquals(422, refused.status(), refused.json().toString());
        assertTrue(refused.get("detail").asText().contains("pickup code does not match"));
        assertCopy("IN_LOCKER", "a-locker", id);
        act(lockerMachine, id, r, Map.of("action", "LOAN", "pickupCode", code));
        assertCopy("ON_LOAN", "a-locker", id);
    }

    @Test
    void returnedAtAnotherLibraryByBarcodeThenSentHome() throws Exception {
        assertEquals(1, onShelfInSearch(), "search: 1 of 1 on the shelf");
        long id = lend(reader);
        assertEquals(0, onShelfInSearch(), "a lent copy is not on the shelf, whatever b's own system says");
        var notTheirs = hub.post("/api/ill/checkins", As.key(staffA), Map.of("barcode", barcode, "library", "c"));
        assertEquals(403, notTheirs.status(), "a desk acts for its own library only");
        var notItsPoint = hub.post("/api/ill/checkins", As.key(staffC),
                Map.of("barcode", barcode, "library", "c", "servicePoint", "a-kiosk"));
        assertEquals(403, notItsPoint.status(), "nor for another library's kiosk");
        assertCopy("ON_LOAN", "a-kiosk", id);

        var back = checkIn(staffC, Map.of("barcode", barcode, "library", "c", "courier", "SF Express", "waybill", "SF1400099"));
        assertEquals("SEND_HOME", back.get("decision").asText());
        assertEquals("IN_TRANSIT_HOME", back.at("/request/state").asText());
        JsonNode home = assertCopy("IN_TRANSIT_HOME", "b", id);
        JsonNode last = home.get("history").get(home.get("history").size() - 1);
        assertEquals("SF1400099", last.get("waybill").asText());
        assertEquals("SF Express", last.get("courier").asText());
        assertEquals(List.of("RETURNED", "SHIPPED"), kinds(reader));
        assertTrue(notices(reader).get(0).get("text").asText().contains("c图书馆"), notices(reader).toString());
        assertEquals(0, onShelfInSearch(), "on its way home");
        assertEquals(409, hub.post("/api/ill/checkins", As.key(staffA), Map.of("barcode", barcode, "library", "a")).status(),
                "on its way home: only its owner checks it in");

        var atHome = checkIn(staffB, Map.of("barcode", barcode, "library", "b"));
        assertEquals("HOME_SHELF", atHome.get("decision").asText());
        assertEquals("COMPLETED", atHome.at("/request/state").asText());
        JsonNode shelved = copy();
        assertEquals("ON_SHELF", shelved.get("state").asText());
        assertEquals("b", shelved.get("shelfLibrary").asText());
        assertNull(shelved.get("requestId"));
        assertEquals(1, onShelfInSearch());
        assertEquals(404, hub.post("/api/ill/checkins", As.key(staffB), Map.of("barcode", barcode, "library", "b")).status(),
                "nothing to check in twice");
    }

    @Test
    void returnedAtAnotherLibraryFloatsWhenTheOwnerSaysSo() throws Exception {
        hub.ill.store().settings().save("b", new LibrarySettings(true, OptionalInt.empty(),
                LendingPolicy.DEFAULT.withReaders(LendingPolicy.DEFAULT_MAX_OPEN_REQUESTS, true)), "test");
        long id = lend(reader);
        var back = checkIn(staffC, Map.of("barcode", barcode, "library", "c"));
        assertEquals("FLOAT", back.get("decision").asText());
        assertEquals("COMPLETED", back.at("/request/state").asText());
        JsonNode floated = copy();
        assertEquals("ON_SHELF", floated.get("state").asText());
        assertEquals("c", floated.get("shelfLibrary").asText(), "c's shelf copy now");
        assertEquals(List.of("RETURNED", "SHIPPED"), kinds(reader));

        var next = newReader("320583000654321");
        long second = request(next, "a-kiosk", "KIOSK_24H");
        JsonNode routed = hub.get("/api/ill/requests/" + second, next).json();
        assertEquals("c", routed.at("/progress/lender").asText(), "routing asks the library where the copy sits");
        assertEquals(barcode, routed.at("/copy/barcode").asText());
        assertCopy("RESERVED", "c", second);
        assertEquals(List.of(second), ids(hub.get("/api/ill/libraries/c/queues/to-fill", As.key(staffC))));
        assertTrue(id != second);
    }

    @Test
    void aHoldIsFilledWhenTheCopyComesBack() throws Exception {
        long first = lend(reader);
        var waiting = newReader("320583000654321");
        var pickup = Map.of("libraryId", "a-locker", "kind", "SMART_LOCKER");
        var created = hub.post("/api/ill/requests", waiting, Map.of("recordId", recordId, "pickup", pickup));
        assertEquals(201, created.status(), created.json().toString());
        long hold = created.get("id").asLong();
        assertEquals("ON_HOLD", created.get("state").asText());
        assertEquals(1, created.get("holdPosition").asInt());
        assertEquals(List.of("ON_HOLD"), kinds(waiting));
        assertTrue(notices(waiting).get(0).get("text").asText().contains("1"));
        var again = hub.post("/api/ill/requests", waiting, Map.of("recordId", recordId, "pickup", pickup));
        assertEquals(409, again.status());
        assertEquals("duplicate-request", again.get("code").asText());
        assertTrue(again.get("detail").asText().contains("request " + hold), again.json().toString());
        assertCopy("ON_LOAN", "a-kiosk", first);

        var back = checkIn(staffA, Map.of("barcode", barcode, "library", "a", "servicePoint", "a-kiosk"));
        assertEquals("FILL_HOLD", back.get("decision").asText());
        assertEquals(hold, back.at("/filledHold/id").asLong());
        assertEquals("COMPLETED", back.at("/request/state").asText());
        JsonNode promised = assertCopy("RESERVED", "a", hold);
        assertEquals("a", promised.get("place").asText(), "promised where it came back");
        JsonNode filled = hub.get("/api/ill/requests/" + hold, waiting).json();
        assertEquals("AT_LENDER", filled.get("state").asText());
        assertEquals("a", filled.at("/progress/lender").asText());
        assertTrue(filled.path("holdPosition").isNull() || filled.path("holdPosition").isMissingNode(), filled.toString());
        assertEquals(List.of(), kinds(waiting), "no longer waiting");
        assertEquals(List.of("RETURNED", "SHIPPED"), kinds(reader));
        assertEquals(List.of(hold), ids(hub.get("/api/ill/libraries/a/queues/to-fill", As.key(staffA))));
    }

    @Test
    void pickupPointsAreCheckedAgainstTheDirectory() throws Exception {
        var unknown = hub.post("/api/ill/requests", reader, Map.of("recordId", recordId,
                "pickup", Map.of("libraryId", "nowhere", "kind", "BRANCH")));
        assertEquals(400, unknown.status());
        assertTrue(unknown.get("detail").asText().contains("no library 'nowhere' in the member directory"));
        var lockerAsKiosk = hub.post("/api/ill/requests", reader, Map.of("recordId", recordId,
                "pickup", Map.of("libraryId", "a-locker", "kind", "KIOSK_24H")));
        assertEquals(400, lockerAsKiosk.status());
        assertTrue(lockerAsKiosk.get("detail").asText().contains("book it as SMART_LOCKER"), lockerAsKiosk.json().toString());
        assertEquals(404, hub.get("/api/ill/copies/" + barcode + "?library=b", As.key(staffA)).status(), "nothing was promised");
    }

    @Test
    void aHomeAddressOrNoteLongerThanALetterIsRefusedAndNothingIsPromised() throws Exception {
        var longAddress = hub.post("/api/ill/requests", reader, Map.of("recordId", recordId,
                "pickup", Map.of("homeAddress", "路".repeat(100_000))));
        assertEquals(400, longAddress.status());
        assertTrue(longAddress.get("detail").asText().contains("at most 2000 characters"), longAddress.json().toString());
        var longBarcode = hub.post("/api/ill/requests", reader, Map.of("recordId", recordId,
                "pickup", Map.of("libraryId", "a", "kind", "BRANCH"), "holding", Map.of("libraryId", "b", "barcode", "9".repeat(5_000))));
        assertEquals(400, longBarcode.status());
        assertEquals(404, hub.get("/api/ill/copies/" + barcode + "?library=b", As.key(staffA)).status(), "nothing was promised");
    }

    @Test
    void staffFindRequestsByNumberBarcodeCardOrTitle() throws Exception {
        long id = request(reader, "a-kiosk", "KIOSK_24H");
        String title = hub.get("/api/ill/requests/" + id, reader).at("/citation/title").asText();
        for (String q : List.of(Long.toString(id), barcode, "320583000123456", title.substring(0, Math.min(6, title.length())))) {
            assertEquals(List.of(id), ids(hub.get("/api/ill/libraries/b/requests?q=" + java.net.URLEncoder.encode(q,
                    java.nio.charset.StandardCharsets.UTF_8), As.key(staffB))), q);
        }
        assertEquals(List.of(), ids(hub.get("/api/ill/libraries/c/requests?q=" + id, As.key(staffC))), "c is no party");
        assertEquals(400, hub.get("/api/ill/libraries/b/requests", As.key(staffB)).status());
    }

    // --- steps

    private As newReader(String card) throws Exception {
        var made = hub.post("/api/ill/readers", As.key(staffA), Map.of("cardNumber", card, "homeLibraryId", "a", "pin", "2468"));
        assertEquals(201, made.status(), made.json().toString());
        return As.reader(card, "2468");
    }

    private long request(As who, String point, String kind) throws Exception {
        var created = hub.post("/api/ill/requests", who, Map.of("recordId", recordId,
                "pickup", Map.of("libraryId", point, "kind", kind)));
        assertEquals(201, created.status(), created.json().toString());
        assertEquals("AT_LENDER", created.get("state").asText(), created.json().toString());
        return created.get("id").asLong();
    }

    /** B agrees, picks, ships and the courier leaves: the copy is in transit to the pickup point. */
    private JsonNode shipFromB(long id) throws Exception {
        JsonNode r = hub.get("/api/ill/requests/" + id, As.key(staffB)).json();
        r = act(staffB, id, r, Map.of("action", "WILL_SUPPLY"));
        assertCopy("RESERVED", "b", id);
        r = act(staffB, id, r, Map.of("action", "PICK", "barcode", barcode));
        r = act(staffB, id, r, Map.of("action", "SHIP", "courier", "EMS", "waybill", "EMS0001"));
        assertCopy("IN_TRANSIT", "b", id);
        return act(staffB, id, r, Map.of("action", "DEPART"));
    }

    /** The reader borrows the copy at A's kiosk. */
    private long lend(As who) throws Exception {
        long id = request(who, "a-kiosk", "KIOSK_24H");
        JsonNode r = act(kioskMachine, id, shipFromB(id), Map.of("action", "SHELVE_FOR_PICKUP", "slot", "K-01"));
        act(kioskMachine, id, r, Map.of("action", "LOAN"));
        assertCopy("ON_LOAN", "a-kiosk", id);
        return id;
    }

    private JsonNode checkIn(String key, Map<String, String> body) throws Exception {
        var answer = hub.post("/api/ill/checkins", As.key(key), body);
        assertEquals(200, answer.status(), answer.json().toString());
        return answer.json();
    }

    private JsonNode act(String key, long id, JsonNode seen, Map<String, Object> body) throws Exception {
        var withVersion = new HashMap<>(body);
        withVersion.put("version", seen.get("version").asLong());
        var answer = hub.post("/api/ill/requests/" + id + "/actions", As.key(key), withVersion);
        assertEquals(200, answer.status(), body + " answered " + answer.json());
        return answer.json();
    }

    /** The copy as another desk of the network (C) sees it. */
    private JsonNode copy() throws Exception {
        var answer = hub.get("/api/ill/copies/" + barcode + "?library=b", As.key(staffC));
        assertEquals(200, answer.status(), answer.json().toString());
        return answer.json();
    }

    private JsonNode assertCopy(String state, String shelf, long requestId) throws Exception {
        JsonNode k = copy();
        assertEquals(state, k.get("state").asText(), k.toString());
        assertEquals(shelf, k.get("shelfLibrary").asText(), k.toString());
        assertEquals(requestId, k.get("requestId").asLong(), k.toString());
        return k;
    }

    /** What the catalogue's search shows as on b's shelf, which the record page must agree with. */
    private int onShelfInSearch() throws Exception {
        var page = hub.get("/api/search?q=", As.NOBODY);
        assertEquals(200, page.status(), page.json().toString());
        JsonNode hit = page.at("/hits/0");
        assertEquals(recordId, hit.get("id").asText());
        assertEquals(1, hit.at("/libraryHoldings/0/copies").asInt());
        assertEquals(hit.at("/libraryHoldings/0/onShelf").asInt(), hit.at("/availability/0/available").asInt());
        int onShelf = hit.at("/libraryHoldings/0/onShelf").asInt();
        var record = hub.get("/api/records/" + recordId, As.NOBODY);
        assertEquals(onShelf == 1, record.at("/holdings/0/status").asText().equals("AVAILABLE"),
                "the record page says what the search says: " + record.at("/holdings/0"));
        return onShelf;
    }

    private JsonNode notices(As who) throws Exception {
        var answer = hub.get("/api/ill/readers/me/notices", who);
        assertEquals(200, answer.status(), answer.json().toString());
        return answer.json();
    }

    private List<String> kinds(As who) throws Exception {
        return texts(notices(who), "kind");
    }

    private static List<Long> ids(IllTestHub.Answer a) {
        assertEquals(200, a.status(), a.json().toString());
        var out = new ArrayList<Long>();
        a.json().forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    /** The real record with its first item only: one copy in the network. */
    private static byte[] oneCopy(byte[] raw) {
        Record r = new MarcStreamReader(new ByteArrayInputStream(raw), "UTF-8").next();
        var items = r.getDataFields().stream().filter(f -> f.getTag().equals("952")).toList();
        items.subList(1, items.size()).forEach(r::removeVariableField);
        var out = new ByteArrayOutputStream();
        var writer = new MarcStreamWriter(out, "UTF-8");
        writer.write(r);
        writer.close();
        return out.toByteArray();
    }
}
