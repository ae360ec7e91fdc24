package org.tongjie.api.ill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.ill.IllTestHub.As;
import org.tongjie.catalog.LibraryKind;

/** A member's ILL settings: set by its staff, kept, and obeyed by routing and loans. */
class LibrarySettingsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    @TempDir
    Path dir;

    private static IllTestHub network(Path dir) throws Exception {
        var hub = new IllTestHub(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        hub.library("a", LibraryKind.CENTRAL, null, 31.3847, 120.9800)
                .library("a-locker", LibraryKind.SMART_LOCKER, "a", 31.3020, 121.1080)
                .library("b", LibraryKind.CENTRAL, null, 31.3240, 121.0470)
                .library("c", LibraryKind.CENTRAL, null, 31.4570, 121.1300);
        return hub;
    }

    @Test
    void aLibraryThatStopsLendingIsSkippedWithTheReasonAndTheLendersLoanPeriodSetsTheDueDate() throws Exception {
        try (var hub = network(dir)) {
            byte[] record = IllTestHub.lendableKohaRecord();
            assertEquals(200, hub.post("/api/libraries/b/records", As.member("b"), record).status());
            assertEquals(200, hub.post("/api/libraries/c/records", As.member("c"), record).status());
            String recordId = hub.catalog.search().page("", 1, 10).hits().getFirst().id();
            String staffA = hub.staffKey("a");
            String staffB = hub.staffKey("b");
            String staffC = hub.staffKey("c");
            String locker = hub.staffKey("a-locker");
            assertEquals(200, hub.put("/api/ill/libraries/b/settings", As.key(staffB), Map.of("lending", false)).status());
            assertEquals(200, hub.put("/api/ill/libraries/c/settings", As.key(staffC), Map.of("loanDays", 14)).status());
            assertEquals(201, hub.post("/api/ill/readers", As.key(staffA),
                    Map.of("cardNumber", "320583000123456", "homeLibraryId", "a", "pin", "2468")).status());

            var created = hub.post("/api/ill/requests", As.reader("320583000123456", "2468"), Map.of("recordId", recordId,
                    "pickup", Map.of("libraryId", "a-locker", "kind", "SMART_LOCKER")));
            assertEquals(201, created.status(), created.json().toString());
            assertEquals("c", created.at("/progress/lender").asText(), "B is nearer, but not lending");
            assertTrue(created.json().toString().contains("library b is closed"), created.json().toString());

            long id = created.get("id").asLong();
            JsonNode r = created.json();
            for (var step : new Object[][] {{staffC, Map.of("action", "WILL_SUPPLY")}, {staffC, Map.of("action", "PICK")},
                    {staffC, Map.of("action", "SHIP", "courier", "SF Express", "waybill", "SF1400012345678")},
                    {staffC, Map.of("action", "DEPART")}, {locker, Map.of("action", "SHELVE_FOR_PICKUP", "slot", "L-07")}}) {
                r = act(hub, (String) step[0], id, r.get("version").asLong(), (Map<?, ?>) step[1]);
            }
            String code = hub.get("/api/ill/requests/" + id, As.reader("320583000123456", "2468")).get("pickupCode").asText();
            r = act(hub, locker, id, r.get("version").asLong(), Map.of("action", "LOAN", "pickupCode", code));
            assertEquals(NOW.plus(Duration.ofDays(14)), Instant.parse(r.at("/progress/due").asText()), "C lends for 14 days");
        }
    }

    @Test
    void staffChangeTheirOwnLibrarysSettingsWhichAreCheckedAndKept() throws Exception {
        String staffB;
        try (var hub = network(dir)) {
            staffB = hub.staffKey("b");
            String staffC = hub.staffKey("c");
            var defaults = hub.get("/api/ill/libraries/b/settings", As.key(staffB));
            assertEquals(200, defaults.status());
            assertTrue(defaults.get("lending").asBoolean());
            assertFalse(defaults.json().has("quota"), "no quota until one is set");
            assertEquals(30, defaults.get("loanDays").asInt());

            var changed = hub.put("/api/ill/libraries/b/settings", As.key(staffB), Map.of("quota", 5, "holdDays", 3));
            assertEquals(200, changed.status(), changed.json().toString());
            assertEquals(5, changed.get("quota").asInt());
            assertEquals(3, changed.get("holdDays").asInt());
            assertEquals(30, changed.get("loanDays").asInt(), "fields left out keep their values");

            assertEquals(403, hub.put("/api/ill/libraries/b/settings", As.key(staffC), Map.of("lending", false)).status());
            assertEquals(401, hub.put("/api/ill/libraries/b/settings", As.NOBODY, Map.of("lending", false)).status());
            var zero = hub.put("/api/ill/libraries/b/settings", As.key(staffB), Map.of("loanDays", 0));
            assertEquals(400, zero.status());
            assertTrue(zero.get("detail").asText().contains("positive"), zero.json().toString());
            var negative = hub.put("/api/ill/libraries/b/settings", As.key(staffB), Map.of("quota", -5));
            assertEquals(400, negative.status());
            for (var tooMuch : List.<Map<String, Object>>of(Map.of("loanDays", Integer.MAX_VALUE), Map.of("loanDays", 366),
                    Map.of("maxRenewals", 21), Map.of("holdDays", 91), Map.of("responseHours", 721), Map.of("quota", 10_001))) {
                var answer = hub.put("/api/ill/libraries/b/settings", As.key(staffB), tooMuch);
                assertEquals(400, answer.status(), tooMuch + ": " + answer.json());
                assertTrue(answer.get("detail").asText().contains(tooMuch.keySet().iterator().next()), answer.json().toString());
            }
            assertEquals(365, hub.put("/api/ill/libraries/b/settings", As.key(staffB), Map.of("loanDays", 365)).get("loanDays").asInt());
        }
        try (var again = new IllTestHub(dir, Clock.systemUTC())) {
            var kept = again.get("/api/ill/libraries/b/settings", As.key(staffB));
            assertEquals(5, kept.get("quota").asInt(), kept.json().toString());
            assertEquals(3, kept.get("holdDays").asInt());
            var cleared = again.put("/api/ill/libraries/b/settings", As.key(staffB), Map.of("quota", -1));
            assertFalse(cleared.json().has("quota"), cleared.json().toString());
        }
    }

    private static JsonNode act(IllTestHub hub, String key, long id, long version, Map<?, ?> body) throws Exception {
        var withVersion = new HashMap<Object, Object>(body);
        withVersion.put("version", version);
        var answer = hub.post("/api/ill/requests/" + id + "/actions", As.key(key), withVersion);
        assertEquals(200, answer.status(), body + " answered " + answer.json());
        return answer.json();
    }
}
