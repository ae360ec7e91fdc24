package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.testing.Iso2709;
import org.tongjie.testing.SharedData;

/** {@code ?mode=full}: the uploaded file replaces the member's records; incremental stays the default. */
class FullReplaceUploadTest {
    static byte[] file(List<byte[]> records) {
        var out = new ByteArrayOutputStream();
        records.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Sent chunked, with no length: the hub reads the body as it streams in. */
    static HttpRequest.BodyPublisher streamed(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    @Test
    void aFullUploadDeletesWhatTheFileNoLongerSendsAndIncrementalDoesNot(@TempDir Path dir) throws Exception {
        List<byte[]> koha = Iso2709.splitRecords(Files.readAllBytes(
                SharedData.file("koha-misc4dev/koha-sample-marc21-with-952-items.mrc")));
        try (var hub = new TestHub(dir).withLibrary("kunshan", LibraryKind.CENTRAL)) {
            var key = Optional.of(TestHub.key("kunshan"));
            var first = hub.post("/api/libraries/kunshan/records?mode=full", streamed(file(koha.subList(0, 200))), key).json();
            int held = first.get("accepted").asInt();

            var incremental = hub.post("/api/libraries/kunshan/records", streamed(file(koha.subList(150, 250))), key).json();
            assertEquals(0, incremental.get("deleted").asInt(), incremental.toString());
            long afterIncremental = hub.search("").json().get("total").asLong();
            assertEquals(held + incremental.get("accepted").asInt(), afterIncremental);

            var full = hub.post("/api/libraries/kunshan/records?mode=full", streamed(file(koha.subList(150, 250))), key);

            assertEquals(200, full.status(), full.json().toString());
            assertEquals(afterIncremental - full.json().get("unchanged").asInt(), full.json().get("deleted").asInt(),
                    full.json().toString());
            assertEquals(full.json().get("unchanged").asLong(), hub.search("").json().get("total").asLong());
        }
    }

    @Test
    void aFullUploadWithNoReadableRecordIsRefusedAndAnUnknownModeIsABadRequest(@TempDir Path dir) throws Exception {
        try (var hub = new TestHub(dir).withLibrary("kunshan", LibraryKind.CENTRAL)) {
            hub.post("/api/libraries/kunshan/records", UploadAndSearchTest.resource(UploadAndSearchTest.CNMARC));
            long before = hub.search("").json().get("total").asLong();
            var key = Optional.of(TestHub.key("kunshan"));
            byte[] empty = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"/>".getBytes(StandardCharsets.UTF_8);

            var refused = hub.post("/api/libraries/kunshan/records?mode=full", HttpRequest.BodyPublishers.ofByteArray(empty), key);
            var bad = hub.post("/api/libraries/kunshan/records?mode=replace", HttpRequest.BodyPublishers.ofByteArray(empty), key);

            assertEquals(422, refused.status());
            assertTrue(refused.json().get("detail").asText().contains("would delete all of them"), refused.json().toString());
            assertEquals(400, bad.status());
            assertEquals(before, hub.search("").json().get("total").asLong());
        }
    }
}
