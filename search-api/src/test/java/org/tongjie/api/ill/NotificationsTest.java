package org.tongjie.api.ill;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.ill.IllTestHub.As;
import org.tongjie.catalog.LibraryKind;

/** A member's events as Server-Sent Events and signed webhooks; a reader's notices in their language. */
class NotificationsTest {
    @TempDir
    Path dir;

    private record Setup(String record, As reader, As staffA, As staffB) {}

    private static Setup network(IllTestHub hub) throws Exception {
        hub.library("a", LibraryKind.CENTRAL, null, 31.38, 120.98)
                .library("a-locker", LibraryKind.SMART_LOCKER, "a", 31.30, 121.10)
                .library("b", LibraryKind.CENTRAL, null, 31.32, 121.05);
        assertEquals(200, hub.post("/api/libraries/b/records", As.member("b"), IllTestHub.lendableKohaRecord()).status());
        var staffA = As.key(hub.staffKey("a"));
        assertEquals(201, hub.post("/api/ill/readers", staffA, Map.of("cardNumber", "A-0001", "homeLibraryId", "a",
                "pin", "1357", "language", "en")).status());
        return new Setup(hub.catalog.search().page("", 1, 1).hits().getFirst().id(), As.reader("A-0001", "1357"), staffA,
                As.key(hub.staffKey("b")));
    }

    private static long request(IllTestHub hub, Setup s) throws Exception {
        var created = hub.post("/api/ill/requests", s.reader(), Map.of("recordId", s.record(),
                "pickup", Map.of("libraryId", "a-locker", "kind", "SMART_LOCKER")));
        assertEquals(201, created.status(), created.json().toString());
        return created.get("id").asLong();
    }

    @Test
    void theLendersStaffSeeEachMoveOnTheirEventStream() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC())) {
            Setup s = network(hub);
            var events = new LinkedBlockingQueue<String>();
            var stream = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + hub.app.port() + "/api/ill/libraries/b/events"))
                    .header("Accept", "text/event-stream").header(s.staffB().header(), s.staffB().value()).build(),
                    HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
            assertEquals(200, stream.statusCode());
            Thread.ofVirtual().start(() -> stream.body().filter(l -> l.startsWith("data:")).forEach(events::add));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (hub.ill.notifications().streams() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long id = request(hub, s);
            List<String> moves = List.of(next(events), next(events));
            assertTrue(moves.get(0).contains("\"action\":\"ROUTE\"") && moves.get(0).contains("\"requestId\":" + id), moves.toString());
            assertTrue(moves.get(1).contains("\"action\":\"SEND_TO_LENDER\""), moves.toString());
        }
    }

    @Test
    void aMembersWebhookGetsEachMoveSignedWithItsSecret() throws Exception {
        BlockingQueue<String[]> posts = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            posts.add(new String[] {new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst("X-Tongjie-Signature")});
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try (var hub = new IllTestHub(dir, Clock.systemUTC(), IllTestHub.LOCAL_RECEIVERS)) {
            Setup s = network(hub);
            var hook = hub.post("/api/ill/libraries/b/webhooks", s.staffB(),
                    Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
            assertEquals(201, hook.status(), hook.json().toString());
            String secret = hook.get("secret").asText();
            long id = request(hub, s);
            hub.ill.deliverOutbox();
            String[] route = posts.poll(10, TimeUnit.SECONDS);
            String[] send = posts.poll(10, TimeUnit.SECONDS);
            assertNotNull(send, "two moves, two posts");
            assertTrue(route[0].contains("\"action\":\"ROUTE\"") && route[0].contains("\"requestId\":" + id), route[0]);
            assertTrue(send[0].contains("\"action\":\"SEND_TO_LENDER\""), send[0]);
            assertEquals("sha256=" + hmacSha256(secret, send[0]), send[1]);
            assertNotEquals("sha256=" + hmacSha256("another-secret", send[0]), send[1]);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aReaderSeesTheirNoticesInTheirLanguage() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC())) {
            Setup s = network(hub);
            long id = request(hub, s);
            long v = hub.get("/api/ill/requests/" + id, s.staffB()).get("version").asLong();
            for (var body : List.<Map<String, Object>>of(Map.of("action", "WILL_SUPPLY"), Map.of("action", "PICK"),
                    Map.of("action", "SHIP", "courier", "SF", "waybill", "SF1"), Map.of("action", "DEPART"))) {
                var withVersion = new java.util.HashMap<>(body);
                withVersion.put("version", v);
                v = hub.post("/api/ill/requests/" + id + "/actions", s.staffB(), withVersion).get("version").asLong();
            }
            var shelved = hub.post("/api/ill/requests/" + id + "/actions", s.staffA(),
                    Map.of("action", "SHELVE_FOR_PICKUP", "version", v, "slot", "L-12"));
            assertEquals(200, shelved.status(), shelved.json().toString());
            var notices = hub.get("/api/ill/readers/me/notices", s.reader());
            assertEquals(200, notices.status(), notices.json().toString());
            assertEquals(2, notices.json().size(), notices.json().toString());
            assertEquals("READY_IN_LOCKER", notices.json().get(0).get("kind").asText());
            assertEquals("SHIPPED", notices.json().get(1).get("kind").asText());
            String text = notices.json().get(0).get("text").asText();
            String code = hub.get("/api/ill/requests/" + id, s.reader()).get("pickupCode").asText();
            assertTrue(text.contains("is in the locker at a-locker library, slot L-12; open it with code " + code), text);
        }
    }

    private static String next(BlockingQueue<String> events) throws InterruptedException {
        String e = events.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no event on the stream within 10 s");
        }
        return e;
    }

    /** What a receiving library computes to check a delivery: the hex HMAC-SHA256 of the body with its secret. */
    private static String hmacSha256(String secret, String body) throws java.security.GeneralSecurityException {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
