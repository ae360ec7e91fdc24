package org.tongjie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.app.demo.DemoAccounts;
import org.tongjie.app.demo.DemoNetwork;
import org.tongjie.harvest.members.Member;

/**
 * The demo's upload keys ({@code demo-key-ID}, printed in the README) open nothing on a data directory that
 * is not the demo's, even one whose members have the demo's ids: every route of the OpenAPI document that
 * takes a key is tried with each of them, over HTTP, against the hub as {@code ./tongjie run} wires it.
 */
class DemoKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The OpenAPI security schemes that carry a key, and how each is sent. */
    private static final Map<String, String> KEY_HEADERS = Map.of(
            "memberKey", "Authorization", "memberKeyHeader", "X-Api-Key", "apiKey", "X-Api-Key", "staffKey", "Authorization");
    private static final String UPLOAD = "POST /api/libraries/{id}/records";
    /** The routes of a member's own records (upload, harvest start, quarantine), which its key opens. */
    private static final String MEMBERS_OWN = " /api/libraries/{id}/";

    private final HttpClient http = HttpClient.newHttpClient();

    /** One try: a route, the scheme the key went in, and the answer. */
    record Try(String route, String scheme, String member, int status) {}

    @Test
    void aDataDirectoryWithRealMembersRejectsTheDemoKeysOnEveryRoute(@TempDir Path dir) throws Exception {
        Path members = realMembersWithTheDemosIds(dir.resolve("members.json"));
        try (var hub = HubServer.start(config(dir.resolve("data"), Setting.MEMBERS, members.toString()))) {
            List<Try> tries = tryDemoKeys(hub);

            assertTrue(tries.size() > 6 * 10, tries.size() + " tries");
            assertTrue(tries.stream().anyMatch(t -> t.route().equals(UPLOAD)));
            tries.forEach(t -> assertTrue(Set.of(401, 403).contains(t.status()), t.toString()));
            assertNoDemoAccounts(hub, dir.resolve("data"));
            var realKey = upload(hub, "central", "Bearer real-key-central");
            assertEquals(200, realKey.statusCode(), "the member's own key opens the route: " + realKey.body());
        }
    }

    @Test
    void aDataDirectoryStartedWithNoDemoRejectsThemAndStaysSoWithoutFlags(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (var hub = HubServer.start(config(data, Setting.DEMO, "false"))) {
            tryDemoKeys(hub).forEach(t -> assertTrue(Set.of(401, 403, 404).contains(t.status()), t.toString()));
            assertTrue(hub.catalog().libraries().all().isEmpty(), "no demo members");
            assertNoDemoAccounts(hub, data);
        }
        var again = config(data, Setting.DEMO, "true");
        assertTrue(assertThrows(Network.MismatchException.class, () -> HubServer.start(again))
                .getMessage().contains("holds a real network"));
    }

    @Test
    void theDemoDataDirectoryTakesThemForTheMembersOwnRoutesOnly(@TempDir Path dir) throws Exception {
        try (var hub = HubServer.start(config(dir.resolve("data"), Setting.DEMO, "true"))) {
            assertTrue(Files.exists(dir.resolve("data").resolve(DemoAccounts.FILE)), "the demo's accounts are written down");
            List<Try> tries = tryDemoKeys(hub);

            tries.stream().filter(t -> t.route().equals(UPLOAD))
                    .forEach(t -> assertEquals(200, t.status(), t.toString()));
            tries.stream().filter(t -> t.route().contains(MEMBERS_OWN))
                    .forEach(t -> assertFalse(Set.of(401, 403).contains(t.status()), t.toString()));
            tries.stream().filter(t -> !t.route().contains(MEMBERS_OWN))
                    .forEach(t -> assertTrue(Set.of(401, 403).contains(t.status()), t.toString()));
        }
    }

    /** No demo reader signs in, no desk keys were issued, no accounts file was written. */
    private void assertNoDemoAccounts(HubServer hub, Path data) throws Exception {
        assertFalse(Files.exists(data.resolve(DemoAccounts.FILE)), "no demo accounts file");
        assertTrue(hub.accountLines().stream().noneMatch(l -> l.contains("reader card") || l.contains("desk keys for")),
                hub.accountLines().toString());
        for (var reader : DemoAccounts.READERS) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((reader.card() + ":" + reader.pin()).getBytes(StandardCharsets.UTF_8));
            var me = http.send(HttpRequest.newBuilder(uri(hub, "/api/ill/me")).header("Authorization", basic).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(401, me.statusCode(), reader.card() + " is no reader here");
        }
    }

    private static HubConfig config(Path data, Setting setting, String value) {
        var flags = new EnumMap<Setting, String>(Setting.class);
        flags.put(Setting.DATA_DIR, data.toString());
        flags.put(Setting.HTTP_PORT, "0");
        flags.put(Setting.Z3950_ENABLED, "false");
        flags.put(setting, value);
        return ConfigLoader.load(new ConfigLoader.Sources(Map.of(), flags, Optional.empty())).config();
    }

    /** The demo's directory file with every member's key changed to real-key-ID. */
    private static Path realMembersWithTheDemosIds(Path file) throws IOException {
        try (InputStream in = DemoNetwork.class.getResourceAsStream(DemoNetwork.MEMBERS_FILE)) {
            JsonNode directory = JSON.readTree(in);
            for (JsonNode member : directory.get("members")) {
                ((ObjectNode) member).put("apiKeySha256", Member.hashKey("real-key-" + member.get("id").asText()));
            }
            JSON.writeValue(file.toFile(), directory);
        }
        return file;
    }

    private List<Try> tryDemoKeys(HubServer hub) throws Exception {
        JsonNode paths = JSON.readTree(get(hub, "/openapi.json")).get("paths");
        var tries = new ArrayList<Try>();
        // one member of each kind: their keys are made and checked alike
        var oneOfEachKind = DemoNetwork.directory().members().stream()
                .collect(java.util.stream.Collectors.toMap(m -> m.library().kind(), Member::id, (a, b) -> a)).values();
        for (String member : oneOfEachKind) {
            for (var path : paths.properties()) {
                for (var operation : path.getValue().properties()) {
                    for (JsonNode requirement : operation.getValue().path("security")) {
                        for (String scheme : (Iterable<String>) requirement::fieldNames) {
                            if (KEY_HEADERS.containsKey(scheme)) {
                                String route = operation.getKey().toUpperCase() + " " + path.getKey();
                                tries.add(new Try(route, scheme, member, send(hub, route, member, scheme)));
                            }
                        }
                    }
                }
            }
        }
        return tries;
    }

    private int send(HubServer hub, String route, String member, String scheme) throws Exception {
        String[] methodAndPath = route.split(" ", 2);
        String path = methodAndPath[1].replace("{id}", member).replace("{library}", member).replace("{queue}", "incoming")
                .replaceAll("\\{[^}]+}", "1");
        String header = KEY_HEADERS.get(scheme);
        String key = "demo-key-" + member;
        // an upload refused before its body is read must not break the connection under the body still being sent
        var request = HttpRequest.newBuilder(uri(hub, path)).expectContinue(route.equals(UPLOAD))
                .header(header, header.equals("Authorization") ? "Bearer " + key : key)
                .header("Content-Type", route.equals(UPLOAD) ? "application/marcxml+xml" : "application/json")
                .method(methodAndPath[0], route.equals(UPLOAD) ? HttpRequest.BodyPublishers.ofByteArray(records())
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> upload(HubServer hub, String member, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(uri(hub, "/api/libraries/" + member + "/records"))
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofByteArray(records())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] records() throws IOException {
        try (InputStream in = DemoNetwork.class.getResourceAsStream("/demo/cnmarc-chinese-books-catalogued-by-tongjie.xml")) {
            return in.readAllBytes();
        }
    }

    private String get(HubServer hub, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(hub, path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI uri(HubServer hub, String path) {
        return URI.create("http://localhost:" + hub.port() + path);
    }
}
