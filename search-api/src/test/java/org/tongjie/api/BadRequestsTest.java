package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tongjie.catalog.LibraryKind;

/** Bad input gets a 4xx problem (RFC 9457) that says what to change, never a 500 or a stack trace. */
class BadRequestsTest {
    @TempDir
    Path dataDir;
    TestHub hub;

    @BeforeEach
    void start() {
        hub = new TestHub(dataDir).withLibrary("kunshan", LibraryKind.CENTRAL);
    }

    @AfterEach
    void stop() throws IOException {
        hub.close();
    }

    void assertError(int status, String code, String messagePart, TestHub.Answer answer) {
        assertEquals(status, answer.status(), answer.json().toString());
        assertEquals(status, answer.json().get("status").asInt());
        assertEquals(code, answer.json().get("code").asText(), answer.json().toString());
        assertTrue(answer.json().get("detail").asText().contains(messagePart), answer.json().toString());
        assertEquals("application/problem+json", answer.contentType());
    }

    @Test
    void uploadingToAnUnknownLibraryIs404() throws Exception {
        assertError(404, "not-found", "no member library with id 'atlantis'",
                hub.post("/api/libraries/atlantis/records", "<collection/>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void uploadingSomethingThatIsNotMarcIs415() throws Exception {
        assertError(415, "unsupported-media-type", "not MARC", hub.post("/api/libraries/kunshan/records", "%PDF-1.7".getBytes(StandardCharsets.UTF_8)));
        assertError(415, "unsupported-media-type", "empty", hub.post("/api/libraries/kunshan/records", new byte[0]));
    }

    @Test
    void pagingOutOfRangeIs400() throws Exception {
        assertError(400, "invalid-parameter", "page must be 1 or more", hub.get("/api/search?q=x&page=0"));
        assertError(400, "invalid-parameter", "size must be between 1 and 100", hub.get("/api/search?q=x&size=1000"));
        assertError(400, "invalid-parameter", "page", hub.get("/api/search?q=x&page=two"));
        assertError(400, "invalid-parameter", "results past the first 10000", hub.get("/api/search?q=x&page=200&size=100"));
    }

    @Test
    void unknownRecordsLibrariesAndPathsAre404() throws Exception {
        assertError(404, "not-found", "no record with id 'kunshan.0000000000000000'", hub.get("/api/records/kunshan.0000000000000000"));
        assertError(404, "not-found", "no member library", hub.get("/api/libraries/atlantis"));
        assertError(404, "not-found", "no such resource", hub.get("/api/nothing-here"));
        assertError(404, "not-found", "no member library", hub.get("/api/libraries/atlantis/quarantine"));
        assertError(404, "not-found", "no quarantine entry 7", hub.get("/api/libraries/kunshan/quarantine/7", TestHub.key("kunshan")));
        assertError(400, "invalid-parameter", "entry", hub.get("/api/libraries/kunshan/quarantine/seven", TestHub.key("kunshan")));
    }

    /** Readers type anything; the lenient parser turns every string into a query. */
    @ParameterizedTest
    @ValueSource(strings = {"\"", "(((", "+-+-", "title:", "*", "~2", "\\", "AND OR NOT", "\"unclosed phrase", "||&&",
            "a\u0000b", "💥📚", "《》“”", "-"})
    void garbageQueriesAnswer200(String q) throws Exception {
        var answer = hub.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, answer.status(), q + " -> " + answer.json());
        assertTrue(answer.json().get("total").asInt() >= 0);
    }
}
