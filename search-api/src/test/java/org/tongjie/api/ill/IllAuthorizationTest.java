package org.tongjie.api.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.ill.IllTestHub.As;
import org.tongjie.catalog.LibraryKind;

/** Every /api/ill endpoint against every role: who gets in, who is told to sign in, who is refused. */
class IllAuthorizationTest {
    @TempDir
    Path dir;

    private record Case(String what, As as, String method, String path, Object body, int expected) {}

    @Test
    void everyEndpointAndRole() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC(), IllTestHub.LOCAL_RECEIVERS)) {
            hub.library("a", LibraryKind.CENTRAL, null, 31.38, 120.98)
                    .library("b", LibraryKind.CENTRAL, null, 31.32, 121.05)
                    .library("x", LibraryKind.CENTRAL, null, 31.65, 120.75);
            assertEquals(200, hub.post("/api/libraries/b/records", As.member("b"), IllTestHub.lendableKohaRecord()).status());
            String record = hub.catalog.search().page("", 1, 1).hits().getFirst().id();
            var admin = As.key(hub.adminKey);
            var staffA = As.key(hub.staffKey("a"));
            var staffB = As.key(hub.staffKey("b"));
            var staffX = As.key(hub.staffKey("x"));
            hub.ill.store().accounts().registerReader(new org.tongjie.ill.Reader("A-0001", "a"), "1111");
            hub.ill.store().accounts().registerReader(new org.tongjie.ill.Reader("X-0002", "x"), "2222");
            var owner = As.reader("A-0001", "1111");
            var other = As.reader("X-0002", "2222");
            var wrongPin = As.reader("A-0001", "9999");
            var badKey = As.key("tj_not-a-key");

            var pickup = Map.of("libraryId", "a", "kind", "BRANCH");
            var forReaderOfA = Map.of("recordId", record, "pickup", pickup,
                    "reader", Map.of("cardNumber", "A-0001", "homeLibraryId", "a"));
            // one open request per reader and title: the desk and the administrator each place one for another reader of a
            var forSecondReaderOfA = Map.of("recordId", record, "pickup", pickup,
                    "reader", Map.of("cardNumber", "A-0003", "homeLibraryId", "a"));
            var forThirdReaderOfA = Map.of("recordId", record, "pickup", pickup,
                    "reader", Map.of("cardNumber", "A-0004", "homeLibraryId", "a"));
            var created = hub.post("/api/ill/requests", owner, Map.of("recordId", record, "pickup", pickup));
            assertEquals(201, created.status(), created.json().toString());
            long id = created.get("id").asLong();
            long v = created.get("version").asLong();
            String req = "/api/ill/requests/" + id;
            Map<String, Object> supply = Map.of("action", "WILL_SUPPLY", "version", v);
            Map<String, Object> bulk = Map.of("action", "WILL_SUPPLY", "items", List.of(Map.of("id", id, "version", v)));

            var agency = Map.of("agencyIdType", "ISIL", "agencyIdValue", "DE-1", "name", "Berlin",
                    "callbackUrl", "http://127.0.0.1:9/iso18626", "accountId", "de-1",
                    "securityCode", "a-shared-secret-of-20", "deliveryAddress", "Unter den Linden 8");
            var hook = Map.of("url", "http://127.0.0.1:9/hook");
            var closed = Map.of("lending", false);
            var open = Map.of("lending", true);
            var withShortSecret = new java.util.HashMap<>(agency);
            withShortSecret.put("securityCode", "short");
            var cases = List.of(
                    new Case("create: nobody", As.NOBODY, "POST", "/api/ill/requests", forReaderOfA, 401),
                    new Case("create: bad key", badKey, "POST", "/api/ill/requests", forReaderOfA, 401),
                    new Case("create: wrong PIN", wrongPin, "POST", "/api/ill/requests", forReaderOfA, 401),
                    new Case("create: another library's staff", staffB, "POST", "/api/ill/requests", forReaderOfA, 403),
                    new Case("create: the reader's library", staffA, "POST", "/api/ill/requests", forSecondReaderOfA, 201),
                    new Case("create: admin", admin, "POST", "/api/ill/requests", forThirdReaderOfA, 201),
                    new Case("create: the same title again", admin, "POST", "/api/ill/requests", forReaderOfA, 409),
                    new Case("create: a reader for themself", other, "POST", "/api/ill/requests",
                            Map.of("recordId", record, "pickup", pickup), 201),

                    new Case("show: nobody", As.NOBODY, "GET", req, null, 401),
                    new Case("show: owner", owner, "GET", req, null, 200),
                    new Case("show: another reader", other, "GET", req, null, 403),
                    new Case("show: lender", staffB, "GET", req, null, 200),
                    new Case("show: borrower library", staffA, "GET", req, null, 200),
                    new Case("show: unrelated staff", staffX, "GET", req, null, 403),
                    new Case("show: admin", admin, "GET", req, null, 200),

                    new Case("act: nobody", As.NOBODY, "POST", req + "/actions", supply, 401),
                    new Case("act: owner may not supply", owner, "POST", req + "/actions", supply, 403),
                    new Case("act: another reader", other, "POST", req + "/actions", supply, 403),
                    new Case("act: borrower library may not supply", staffA, "POST", req + "/actions", supply, 403),
                    new Case("act: unrelated staff", staffX, "POST", req + "/actions", supply, 403),
                    new Case("act: lender", staffB, "POST", req + "/actions", supply, 200),
                    new Case("act: nobody routes by hand", admin, "POST", req + "/actions",
                            Map.of("action", "ROUTE", "version", v + 1), 403),
                    new Case("act: owner cancels", owner, "POST", req + "/actions",
                            Map.of("action", "CANCEL", "version", v + 1), 200),

                    new Case("queue: nobody", As.NOBODY, "GET", "/api/ill/libraries/b/queues/to-fill", null, 401),
                    new Case("queue: reader", owner, "GET", "/api/ill/libraries/b/queues/to-fill", null, 403),
                    new Case("queue: other staff", staffX, "GET", "/api/ill/libraries/b/queues/to-fill", null, 403),
                    new Case("queue: own staff", staffB, "GET", "/api/ill/libraries/b/queues/to-fill", null, 200),
                    new Case("queue: admin", admin, "GET", "/api/ill/libraries/b/queues/to-fill", null, 200),
                    new Case("queue: no such queue", staffB, "GET", "/api/ill/libraries/b/queues/to-dance", null, 400),

                    new Case("pick list: nobody", As.NOBODY, "GET", "/api/ill/libraries/b/pick-list", null, 401),
                    new Case("pick list: reader", owner, "GET", "/api/ill/libraries/b/pick-list", null, 403),
                    new Case("pick list: other staff", staffA, "GET", "/api/ill/libraries/b/pick-list", null, 403),
                    new Case("pick list: own staff", staffB, "GET", "/api/ill/libraries/b/pick-list", null, 200),

                    new Case("bulk: nobody", As.NOBODY, "POST", "/api/ill/libraries/b/bulk", bulk, 401),
                    new Case("bulk: reader", owner, "POST", "/api/ill/libraries/b/bulk", bulk, 403),
                    new Case("bulk: other staff", staffX, "POST", "/api/ill/libraries/b/bulk", bulk, 403),
                    new Case("bulk: own staff", staffB, "POST", "/api/ill/libraries/b/bulk", bulk, 200),

                    new Case("readers: nobody", As.NOBODY, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "A-0003", "homeLibraryId", "a", "pin", "3333"), 401),
                    new Case("readers: a reader", owner, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "A-0003", "homeLibraryId", "a", "pin", "3333"), 403),
                    new Case("readers: another library's staff", staffX, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "A-0003", "homeLibraryId", "a", "pin", "3333"), 403),
                    new Case("readers: own library's staff", staffA, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "A-0003", "homeLibraryId", "a", "pin", "3333"), 201),
                    new Case("readers: PIN too short", admin, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "A-0004", "homeLibraryId", "a", "pin", "12"), 400),
                    new Case("readers: another library's card as one's own", staffA, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "X-0002", "homeLibraryId", "a", "pin", "6666"), 409),
                    new Case("readers: another library's card reset", staffA, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "X-0002", "homeLibraryId", "a", "pin", "6666", "reset", true), 403),
                    new Case("readers: own card again, no reset", staffX, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "X-0002", "homeLibraryId", "x", "pin", "2222"), 409),
                    new Case("readers: own card reset", staffX, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "X-0002", "homeLibraryId", "x", "pin", "2222", "reset", true), 200),
                    new Case("readers: admin resets", admin, "POST", "/api/ill/readers",
                            Map.of("cardNumber", "X-0002", "homeLibraryId", "x", "pin", "2222", "reset", true), 200),

                    new Case("api keys: nobody", As.NOBODY, "POST", "/api/ill/api-keys", Map.of("libraryId", "x"), 401),
                    new Case("api keys: staff", staffA, "POST", "/api/ill/api-keys", Map.of("libraryId", "a"), 403),
                    new Case("api keys: reader", owner, "POST", "/api/ill/api-keys", Map.of("libraryId", "a"), 403),
                    new Case("api keys: admin", admin, "POST", "/api/ill/api-keys", Map.of("libraryId", "x"), 201),

                    new Case("jobs: nobody", As.NOBODY, "POST", "/api/ill/jobs/run", Map.of(), 401),
                    new Case("jobs: staff", staffB, "POST", "/api/ill/jobs/run", Map.of(), 403),
                    new Case("jobs: reader", owner, "POST", "/api/ill/jobs/run", Map.of(), 403),
                    new Case("jobs: admin", admin, "POST", "/api/ill/jobs/run", Map.of(), 200),

                    new Case("iso18626: the message authenticates, not the caller", As.NOBODY, "POST",
                            "/api/ill/iso18626", "<ISO18626Message/>".getBytes(), 200),
                    new Case("iso18626: a key changes nothing", staffB, "POST", "/api/ill/iso18626",
                            "<ISO18626Message/>".getBytes(), 200),

                    new Case("agencies: nobody", As.NOBODY, "POST", "/api/ill/agencies", agency, 401),
                    new Case("agencies: staff", staffA, "POST", "/api/ill/agencies", agency, 403),
                    new Case("agencies: reader", owner, "POST", "/api/ill/agencies", agency, 403),
                    new Case("agencies: admin", admin, "POST", "/api/ill/agencies", agency, 201),
                    new Case("agencies: admin, secret too short", admin, "POST", "/api/ill/agencies",
                            withShortSecret, 400),

                    new Case("outbox: nobody", As.NOBODY, "GET", "/api/ill/outbox", null, 401),
                    new Case("outbox: staff", staffB, "GET", "/api/ill/outbox", null, 403),
                    new Case("outbox: reader", owner, "GET", "/api/ill/outbox", null, 403),
                    new Case("outbox: admin", admin, "GET", "/api/ill/outbox", null, 200),

                    new Case("events: nobody", As.NOBODY, "GET", "/api/ill/libraries/b/events", null, 401),
                    new Case("events: reader", owner, "GET", "/api/ill/libraries/b/events", null, 403),
                    new Case("events: other staff", staffX, "GET", "/api/ill/libraries/b/events", null, 403),
                    new Case("events: own staff (no event-stream Accept: empty)", staffB, "GET",
                            "/api/ill/libraries/b/events", null, 200),
                    new Case("events: admin", admin, "GET", "/api/ill/libraries/b/events", null, 200),

                    new Case("webhooks: nobody", As.NOBODY, "POST", "/api/ill/libraries/b/webhooks", hook, 401),
                    new Case("webhooks: reader", owner, "POST", "/api/ill/libraries/b/webhooks", hook, 403),
                    new Case("webhooks: other staff", staffX, "POST", "/api/ill/libraries/b/webhooks", hook, 403),
                    new Case("webhooks: own staff", staffB, "POST", "/api/ill/libraries/b/webhooks", hook, 201),
                    new Case("webhooks: admin", admin, "POST", "/api/ill/libraries/b/webhooks", hook, 201),
                    new Case("webhooks: not http", admin, "POST", "/api/ill/libraries/b/webhooks",
                            Map.of("url", "ftp://x/hook"), 400),

                    new Case("settings: nobody", As.NOBODY, "GET", "/api/ill/libraries/b/settings", null, 401),
                    new Case("settings: reader", owner, "GET", "/api/ill/libraries/b/settings", null, 403),
                    new Case("settings: other staff", staffX, "GET", "/api/ill/libraries/b/settings", null, 403),
                    new Case("settings: own staff", staffB, "GET", "/api/ill/libraries/b/settings", null, 200),
                    new Case("settings: admin", admin, "GET", "/api/ill/libraries/b/settings", null, 200),
                    new Case("change settings: nobody", As.NOBODY, "PUT", "/api/ill/libraries/b/settings", closed, 401),
                    new Case("change settings: reader", owner, "PUT", "/api/ill/libraries/b/settings", closed, 403),
                    new Case("change settings: other staff", staffX, "PUT", "/api/ill/libraries/b/settings", closed, 403),
                    new Case("change settings: own staff", staffB, "PUT", "/api/ill/libraries/b/settings", open, 200),
                    new Case("change settings: admin", admin, "PUT", "/api/ill/libraries/b/settings", open, 200),
                    new Case("change settings: no body", admin, "PUT", "/api/ill/libraries/b/settings", "", 400),

                    new Case("notices: nobody", As.NOBODY, "GET", "/api/ill/readers/me/notices", null, 401),
                    new Case("notices: wrong PIN", wrongPin, "GET", "/api/ill/readers/me/notices", null, 401),
                    new Case("notices: staff", staffA, "GET", "/api/ill/readers/me/notices", null, 403),
                    new Case("notices: admin", admin, "GET", "/api/ill/readers/me/notices", null, 403),
                    new Case("notices: the reader", owner, "GET", "/api/ill/readers/me/notices", null, 200),

                    new Case("me: nobody", As.NOBODY, "GET", "/api/ill/me", null, 401),
                    new Case("me: wrong PIN", wrongPin, "GET", "/api/ill/me", null, 401),
                    new Case("me: a reader", owner, "GET", "/api/ill/me", null, 200),
                    new Case("me: staff have no requests of their own", staffA, "GET", "/api/ill/me", null, 403),

                    new Case("statistics: nobody", As.NOBODY, "GET", "/api/ill/statistics", null, 401),
                    new Case("statistics: reader", owner, "GET", "/api/ill/statistics", null, 403),
                    new Case("statistics: staff", staffX, "GET", "/api/ill/statistics", null, 200),
                    new Case("statistics: admin", admin, "GET", "/api/ill/statistics?period=month", null, 200),
                    new Case("statistics export: nobody", As.NOBODY, "GET", "/api/ill/statistics/export?table=titles", null, 401),
                    new Case("statistics export: reader", owner, "GET", "/api/ill/statistics/export?table=titles", null, 403),
                    new Case("statistics export: staff", staffX, "GET", "/api/ill/statistics/export?table=titles", null, 200),
                    new Case("statistics export: no such table", admin, "GET", "/api/ill/statistics/export?table=x", null, 400),
                    new Case("statistics: no such period", admin, "GET", "/api/ill/statistics?period=fortnight", null, 400));

            var wrong = new ArrayList<String>();
            for (Case c : cases) {
                var answer = switch (c.method()) {
                    case "GET" -> hub.get(c.path(), c.as());
                    case "PUT" -> hub.put(c.path(), c.as(), c.body());
                    default -> hub.post(c.path(), c.as(), c.body());
                };
                if (answer.status() != c.expected()) {
                    wrong.add(c.what() + ": expected " + c.expected() + ", got " + answer.status() + " " + answer.json());
                }
            }
            assertEquals(List.of(), wrong);
        }
    }

    @Test
    void aNewPinIsStoredOnlyAsASaltedHash() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC())) {
            hub.ill.store().accounts().registerReader(new org.tongjie.ill.Reader("A-0001", "a"), "135790");
            byte[] db = java.nio.file.Files.readAllBytes(dir.resolve("ill.db"));
            String raw = new String(db, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("135790"), "the PIN is not in the database file");
            assertTrue(hub.ill.store().accounts().reader("A-0001", "135790").isPresent());
            assertTrue(hub.ill.store().accounts().reader("A-0001", "135791").isEmpty());
        }
    }

    /**
     * Staff of any library could once re-register another library's reader with their own PIN: the reader was
     * locked out and the attacker borrowed as them (issue 22). A reader belongs to their home library.
     */
    @Test
    void noDeskTakesOverAnotherLibrarysReader() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC())) {
            var accounts = hub.ill.store().accounts();
            accounts.registerReader(new org.tongjie.ill.Reader("X-0002", "x"), "2222");
            var attacker = As.key(hub.staffKey("a"));

            var takeover = hub.post("/api/ill/readers", attacker, Map.of("cardNumber", "X-0002", "homeLibraryId", "a", "pin", "6666"));
            var reset = hub.post("/api/ill/readers", attacker,
                    Map.of("cardNumber", "X-0002", "homeLibraryId", "a", "pin", "6666", "reset", true));

            assertEquals(409, takeover.status(), takeover.json().toString());
            assertTrue(takeover.json().get("detail").asText().contains("card X-0002 is already registered"), takeover.json().toString());
            assertEquals(403, reset.status(), reset.json().toString());
            assertTrue(reset.json().get("detail").asText().contains("may not reset the cards of readers of x"), reset.json().toString());
            assertTrue(accounts.reader("X-0002", "6666").isEmpty(), "the attacker's PIN opens nothing");
            assertEquals("x", accounts.reader("X-0002", "2222").orElseThrow().homeLibraryId(), "the reader keeps card and library");

            var ownDesk = hub.post("/api/ill/readers", As.key(hub.staffKey("x")),
                    Map.of("cardNumber", "X-0002", "homeLibraryId", "x", "pin", "7777", "reset", true));
            assertEquals(200, ownDesk.status(), ownDesk.json().toString());
            assertTrue(accounts.reader("X-0002", "7777").isPresent(), "the home library's desk resets a forgotten PIN");
        }
    }
}
