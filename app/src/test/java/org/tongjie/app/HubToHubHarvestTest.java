package org.tongjie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.harvest.members.Member;
import org.tongjie.testing.SharedData;

/**
 * One hub harvests another over OAI-PMH, as a regional hub would pool a county network's hub: hub A holds
 * Koha's sample catalogue (uploaded by its member over HTTP); hub B's directory lists hub A as an OAI-PMH
 * member; a harvest started with B's member key brings every union record of A into B, copies included
 * (A's records carry an 852 per copy).
 */
class HubToHubHarvestTest {
    private static final Path KOHA = SharedData.file("koha-misc4dev/koha-sample-marc21-with-952-items.mrc");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHubHarvestsAnotherHubsWholeCatalogueOverOaiPmh(@TempDir Path dir) throws Exception {
        Path membersA = write(dir.resolve("a.json"), member("koha", "key-a", "999$c",
                List.of("952 servicePoint=b,a location=c callNumber=o barcode=p"), Map.of("type", "upload")));
        try (var hubA = HubServer.start(config(dir.resolve("a"), membersA))) {
            var upload = send(hubA.port(), "POST", "/api/libraries/koha/records", "key-a", Files.readAllBytes(KOHA));
            assertEquals(200, upload.statusCode(), upload.body());
            JsonNode a = search(hubA.port(), "");
            long unionRecordsA = a.get("total").asLong();
            assertTrue(unionRecordsA > 400, "hub A holds Koha's sample: " + a.get("total"));

            Path membersB = write(dir.resolve("b.json"), member("hub-a", "key-b", "oai",
                    List.of("852 servicePoint=b location=c callNumber=hi barcode=p"),
                    Map.of("type", "oai-pmh", "baseUrl", "http://localhost:" + hubA.port() + "/oai", "metadataPrefix", "marcxml")));
            try (var hubB = HubServer.start(config(dir.resolve("b"), membersB))) {
                var started = send(hubB.port(), "POST", "/api/libraries/hub-a/harvests", "key-b", new byte[0]);
                assertEquals(202, started.statusCode(), started.body());
                JsonNode run = awaitRun(hubB.port(), "hub-a");

                assertEquals("SUCCEEDED", run.get("status").asText(), run.toString());
                assertEquals(unionRecordsA, run.get("added").asLong(), run.toString());
                assertEquals(0, run.get("quarantined").asInt(), run.toString());
                assertEquals(unionRecordsA, search(hubB.port(), "").get("total").asLong());
                long copiesA = copies(hubA.port(), "programming perl");
                assertTrue(copiesA > 0, "A lists Koha's copies of Programming Perl");
                assertEquals(copiesA, copies(hubB.port(), "programming perl"), "every copy A knows of one title reaches B");
            }
        }
    }

    private JsonNode awaitRun(int port, String member) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode harvests = JSON.readTree(send(port, "GET", "/api/libraries/" + member + "/harvests", "", null).body());
            JsonNode runs = harvests.get("runs");
            if (!runs.isEmpty() && !runs.get(0).get("status").asText().equals("RUNNING")) {
                return runs.get(0);
            }
            Thread.sleep(200);
        }
        return fail("the harvest of " + member + " did not end within 3 minutes");
    }

    /** The copies of the first hit for the words, summed over the libraries the search API lists. */
    private long copies(int port, String words) throws Exception {
        long copies = 0;
        for (JsonNode library : search(port, words).get("hits").get(0).get("libraryHoldings")) {
            copies += library.get("copies").asLong();
        }
        return copies;
    }

    private JsonNode search(int port, String q) throws Exception {
        var answer = send(port, "GET", "/api/search?q=" + q.replace(' ', '+'), "", null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(int port, String method, String path, String key, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!key.isEmpty()) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> member(String id, String key, String identity, List<String> mapping,
            Map<String, String> source) {
        return Map.of("id", id, "nameZh", id + " 馆", "nameEn", id, "kind", "branch", "recordIdentity", identity,
                "holdingsMapping", mapping, "source", source, "apiKeySha256", Member.hashKey(key));
    }

    private static Path write(Path file, Map<String, Object> member) throws Exception {
        JSON.writeValue(file.toFile(), Map.of("members", List.of(member)));
        return file;
    }

    private static HubConfig config(Path data, Path members) {
        var flags = new EnumMap<Setting, String>(Setting.class);
        flags.put(Setting.DATA_DIR, data.toString());
        flags.put(Setting.HTTP_PORT, "0");
        flags.put(Setting.Z3950_ENABLED, "false");
        flags.put(Setting.MEMBERS, members.toString());
        return ConfigLoader.load(new ConfigLoader.Sources(Map.of(), flags, Optional.empty())).config();
    }
}
