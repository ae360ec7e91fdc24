package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.LibraryKind;

/** Readers narrow results by library, kind of service point, CLC class and more; counts stay multi-select. */
class FacetsTest {
    @TempDir
    Path dataDir;
    TestHub hub;

    @BeforeEach
    void start() throws Exception {
        hub = new TestHub(dataDir).withLibrary("kunshan", LibraryKind.CENTRAL).withLibrary("locker", LibraryKind.SMART_LOCKER);
        byte[] books = UploadAndSearchTest.resource(UploadAndSearchTest.CNMARC);
        hub.post("/api/libraries/kunshan/records", books);
        hub.post("/api/libraries/locker/records", books);
    }

    @AfterEach
    void stop() throws IOException {
        hub.close();
    }

    TestHub.Answer search(String q, String... facets) throws Exception {
        var url = new StringBuilder("/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        for (String f : facets) {
            url.append("&facet=").append(URLEncoder.encode(f, StandardCharsets.UTF_8));
        }
        return hub.get(url.toString());
    }

    static Map<String, JsonNode> values(JsonNode page, String dim) {
        var out = new HashMap<String, JsonNode>();
        for (JsonNode facet : page.get("facets")) {
            if (facet.get("dim").asText().equals(dim)) {
                facet.get("values").forEach(v -> out.put(v.get("value").asText(), v));
            }
        }
        return out;
    }

    @Test
    void clcTopClassesAreCountedWithTheirChineseNames() throws Exception {
        var page = search("").json();
        var clc = values(page, "clc");
        assertEquals("文学", clc.get("I").get("label").asText());
        assertEquals("历史、地理", clc.get("K").get("label").asText());
        assertEquals(page.get("total").asLong(),
                clc.values().stream().mapToLong(v -> v.get("count").asLong()).sum(), "each book has one CLC class");
    }

    @Test
    void narrowingToOneClassAndOneKindOfServicePoint() throws Exception {
        var page = search("", "clc:K", "kind:SMART_LOCKER").json();

        assertTrue(page.get("total").asInt() > 0);
        page.get("hits").forEach(h -> assertTrue(h.get("libraries").toString().contains("\"locker\""), h.toString()));
        assertEquals("智能书柜", values(page, "kind").get("SMART_LOCKER").get("label").asText());
        assertEquals(true, values(page, "clc").get("K").get("selected").asBoolean());
    }

    @Test
    void aSelectedDimensionStillCountsItsOtherValues() throws Exception {
        var page = search("三体", "library:kunshan").json();

        assertEquals(3, page.get("total").asInt(), "the trilogy at one library");
        var libraries = values(page, "library");
        assertEquals(3, libraries.get("kunshan").get("count").asInt());
        assertEquals(3, libraries.get("locker").get("count").asInt(), "multi-select: the other library is still counted");
        assertEquals("locker图书馆", libraries.get("locker").get("label").asText());
    }

    @Test
    void valuesOfOneDimensionAreOredAndDimensionsAnded() throws Exception {
        int literature = search("", "clc:I").json().get("total").asInt();
        int history = search("", "clc:K").json().get("total").asInt();
        assertEquals(literature + history, search("", "clc:I", "clc:K").json().get("total").asInt());
        assertEquals(history, search("", "clc:K", "library:kunshan").json().get("total").asInt(),
                "both libraries hold every book: each is one union record held by kunshan");
        assertEquals(0, search("", "clc:K", "library:nowhere").json().get("total").asInt());
    }

    @Test
    void badFacetParametersAre400() throws Exception {
        var unknown = search("", "colour:red");
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().get("detail").asText().contains("unknown facet 'colour'; known: library, kind"));
        assertEquals(400, search("", "clc").status());
        assertEquals(400, search("", "clc:").status());
    }
}
