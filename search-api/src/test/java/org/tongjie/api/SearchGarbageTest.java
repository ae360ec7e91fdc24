package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongjie.catalog.LibraryKind;

/**
 * SimpleQueryParser's testGarbage over HTTP: whatever a reader or a robot sends to /api/search and
 * /api/suggest is answered 200, or 400 with a message saying what to change; never 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchGarbageTest {
    private TestHub hub;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        hub = new TestHub(dataDir).withLibrary("kunshan", LibraryKind.CENTRAL);
        hub.post("/api/libraries/kunshan/records", UploadAndSearchTest.resource(UploadAndSearchTest.CNMARC));
    }

    @AfterAll
    void stop() throws IOException {
        hub.close();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void randomQueriesAnswer200() throws Exception {
        var random = new Random(20261124L);
        String alphabet = "()\"“”:-+*~|&\\/!?^[]{}<>'% 　ANDORNOTtitleauthoryearclcisbn红楼梦三體0129xé\u0000\u200b";
        for (int n = 0; n < 300; n++) {
            var q = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                q.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            var search = hub.get("/api/search?q=" + encode(q.toString()));
            assertEquals(200, search.status(), q + " → " + search.json());
            var suggest = hub.get("/api/suggest?q=" + encode(q.toString()));
            assertEquals(200, suggest.status(), q + " → " + suggest.json());
        }
    }

    @Test
    void hugeQueriesAre200Or400NeverAnError() throws Exception {
        assertEquals(200, hub.get("/api/search?q=" + encode("(".repeat(1_000) + "三体")).status());
        assertEquals(200, hub.get("/api/search?q=" + encode("三体 ".repeat(300))).status());
        var tooLarge = hub.get("/api/search?q=" + encode("a-".repeat(1_100)));
        assertEquals(400, tooLarge.status(), tooLarge.json().toString());
        assertTrue(tooLarge.json().get("detail").asText().contains("shorten it"));
        assertEquals(200, hub.get("/api/suggest?q=" + encode("红".repeat(600))).status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sort=random                 | unknown sort 'random'; known: relevance, year, -year, title, nearest
            sort=nearest                | sort=nearest needs the reader's position
            near=atlantis               | no member library 'atlantis'
            near=kunshan                | the directory has no position for library 'kunshan'
            near=91,0                   | latitude must be within [-90, 90], was 91.0
            near=0,181.5                | longitude must be within [-180, 180]
            year=last%20year            | year must be a year or a range
            isbn=123                    | isbn must be an ISBN-10, ISBN-13 or ISSN
            issn=1234-5678              | issn must be NNNN-NNNC
            page=999999999              | results past the first 10000
            page=-1                     | page must be 1 or more
            facet=clc_sub               | facet must be dim:value
            facet=shelf:A               | unknown facet 'shelf'
            live=maybe                  | live must be true or false
            """)
    void badParametersAre400WithWhatToChange(String parameter, String message) throws Exception {
        var answer = hub.get("/api/search?q=x&" + parameter);
        assertEquals(400, answer.status(), parameter + " → " + answer.json());
        assertTrue(answer.json().get("detail").asText().contains(message), answer.json().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            size=0     | size
            size=21    | size must be between 1 and 20
            size=many  | size
            """)
    void badSuggestParametersAre400(String parameter, String message) throws Exception {
        var answer = hub.get("/api/suggest?q=h&" + parameter);
        assertEquals(400, answer.status(), parameter + " → " + answer.json());
        assertTrue(answer.json().get("detail").asText().contains(message), answer.json().toString());
    }
}
