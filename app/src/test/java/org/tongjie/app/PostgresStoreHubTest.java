package org.tongjie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.harvest.members.Member;
import org.tongjie.testing.PostgresServer;
import org.tongjie.testing.SharedData;

/**
 * The hub started as {@code ./tongjie run --store jdbc:postgresql://…} keeps its catalogue in PostgreSQL:
 * a member's upload through one node is found through a second node on the same database (each with its
 * own index, built from the shared store), and {@code config} never prints the URL.
 */
class PostgresStoreHubTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUploadThroughOneNodeIsFoundThroughAnotherOnTheSameStore(@TempDir Path dir) throws Exception {
        String store = PostgresServer.freshDatabase();
        Path members = dir.resolve("members.json");
        JSON.writeValue(members.toFile(), Map.of("members", List.of(Map.of("id", "koha", "nameZh", "科哈馆",
                "nameEn", "Koha", "kind", "branch", "recordIdentity", "999$c",
                "holdingsMapping", List.of("952 servicePoint=b,a location=c callNumber=o barcode=p"),
                "apiKeySha256", Member.hashKey("key-koha")))));
        byte[] koha = Files.readAllBytes(SharedData.file("koha-misc4dev/koha-sample-marc21-with-952-items.mrc"));

        try (var nodeA = HubServer.start(config(dir.resolve("a"), members, store))) {
            var upload = HttpRequest.newBuilder(uri(nodeA, "/api/libraries/koha/records"))
                    .header("Authorization", "Bearer key-koha").POST(HttpRequest.BodyPublishers.ofByteArray(koha)).build();
            assertEquals(200, http.send(upload, HttpResponse.BodyHandlers.ofString()).statusCode());
            long onA = search(nodeA, "programming perl").get("total").asLong();
            assertTrue(onA > 0, "node A finds what it was sent");

            try (var nodeB = HubServer.start(config(dir.resolve("b"), members, store))) {
                assertEquals(onA, search(nodeB, "programming perl").get("total").asLong());
                assertEquals(search(nodeA, "").get("total").asLong(), search(nodeB, "").get("total").asLong());
            }
        }
        assertFalse(Files.exists(dir.resolve("a").resolve("catalog.db"))
                && Files.size(dir.resolve("a").resolve("catalog.db")) > 10_000_000, "the records are not in catalog.db");
    }

    @Test
    void theStoreUrlIsMaskedAndOnlyPostgresqlIsTaken() {
        var flags = new EnumMap<Setting, String>(Setting.class);
        flags.put(Setting.STORE, "jdbc:postgresql://db.example:5432/tongjie?user=hub&password=s3cret");
        var loaded = ConfigLoader.load(new ConfigLoader.Sources(Map.of(), flags, Optional.empty()));
        assertFalse(loaded.config().toString().contains("s3cret"));

        flags.put(Setting.STORE, "jdbc:mysql://db.example/tongjie");
        var refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> ConfigLoader.load(new ConfigLoader.Sources(Map.of(), flags, Optional.empty())));
        assertTrue(refused.getMessage().contains("jdbc:postgresql://"), refused.getMessage());
    }

    private JsonNode search(HubServer hub, String q) throws Exception {
        var answer = http.send(HttpRequest.newBuilder(uri(hub, "/api/search?q=" + q.replace(' ', '+'))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private static URI uri(HubServer hub, String path) {
        return URI.create("http://localhost:" + hub.port() + path);
    }

    private static HubConfig config(Path data, Path members, String store) {
        var flags = new EnumMap<Setting, String>(Setting.class);
        flags.put(Setting.DATA_DIR, data.toString());
        flags.put(Setting.HTTP_PORT, "0");
        flags.put(Setting.Z3950_ENABLED, "false");
        flags.put(Setting.MEMBERS, members.toString());
        flags.put(Setting.STORE, store);
        return ConfigLoader.load(new ConfigLoader.Sources(Map.of(), flags, Optional.empty())).config();
    }
}
