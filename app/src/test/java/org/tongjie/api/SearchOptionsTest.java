package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.app.demo.DemoNetwork;

/**
 * Over HTTP on the demo network (its members have positions and its copies statuses): sorting, the
 * reader's position, holdings per library, the advanced form, highlights, CLC subclasses and autocomplete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchOptionsTest {
    private TestHub hub;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        hub = new TestHub(dataDir);
        DemoNetwork.load(hub.catalog);
    }

    @AfterAll
    void stop() throws IOException {
        hub.close();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        var answer = hub.get(path);
        assertEquals(200, answer.status(), path + " → " + answer.json());
        return answer.json();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> hits(JsonNode page) {
        var out = new ArrayList<JsonNode>();
        page.get("hits").forEach(out::add);
        return out;
    }

    @Test
    void sortedByYearBothWays() throws Exception {
        var oldest = hits(get("/api/search?q=" + encode("长篇小说") + "&sort=year&size=50")).stream().map(h -> h.get("year").asInt()).toList();
        var newest = hits(get("/api/search?q=" + encode("长篇小说") + "&sort=-year&size=50")).stream().map(h -> h.get("year").asInt()).toList();
        assertTrue(oldest.size() > 10);
        assertEquals(oldest.stream().sorted().toList(), oldest);
        assertEquals(newest.stream().sorted(Comparator.reverseOrder()).toList(), newest);
        assertEquals(oldest.size(), newest.size());
    }

    @Test
    void sortedByTitleChineseByPinyin() throws Exception {
        var titles = hits(get("/api/search?facet=language:chi&sort=title&size=100")).stream().map(h -> h.get("title").asText()).toList();
        assertEquals(List.of("白鹿原", "百年孤独", "边城"), titles.subList(0, 3));
        assertEquals("追风筝的人", titles.getLast(), "zhui feng zheng de ren, after zhi shen shi nei");
    }

    @Test
    void holdingsPerLibraryNearestFirstFromALibraryOrAPoint() throws Exception {
        for (String near : List.of("branch-lujia", "31.324,121.047")) {
            for (JsonNode hit : hits(get("/api/search?q=" + encode("小说") + "&size=50&near=" + near))) {
                var libraries = new ArrayList<JsonNode>();
                hit.get("libraryHoldings").forEach(libraries::add);
                assertEquals(hit.get("libraries").size(), libraries.size(), hit.toString());
                for (int i = 1; i < libraries.size(); i++) {
                    assertTrue(libraries.get(i - 1).get("distanceKm").asDouble() <= libraries.get(i).get("distanceKm").asDouble(), hit.toString());
                }
                if (hit.get("libraries").toString().contains("\"branch-lujia\"")) {
                    assertEquals("branch-lujia", libraries.getFirst().get("library").asText());
                    assertEquals("陆家分馆", libraries.getFirst().get("name").asText());
                    assertEquals(0.0, libraries.getFirst().get("distanceKm").asDouble(), 0.01);
                }
                int copies = 0;
                int onShelf = 0;
                for (JsonNode a : hit.get("availability")) {
                    copies += a.get("copies").asInt();
                    onShelf += a.get("available").asInt();
                }
                assertEquals(copies, libraries.stream().mapToInt(l -> l.get("copies").asInt()).sum());
                assertEquals(onShelf, libraries.stream().mapToInt(l -> l.get("onShelf").asInt()).sum());
            }
        }
        var noPosition = hits(get("/api/search?q=" + encode("三体"))).getFirst().get("libraryHoldings").get(0);
        assertTrue(noPosition.get("distanceKm") == null, "no position, no distance: " + noPosition);
    }

    @Test
    void nearestSortPutsWhatTheLockerHoldsFirst() throws Exception {
        var hits = hits(get("/api/search?sort=nearest&near=locker-huaqiao&size=100"));
        int held = (int) hits.stream().filter(h -> h.get("libraries").toString().contains("\"locker-huaqiao\"")).count();
        assertTrue(held > 5 && held < hits.size(), "the locker holds some of the network's titles: " + held);
        for (int i = 0; i < hits.size(); i++) {
            assertEquals(i < held, hits.get(i).get("libraries").toString().contains("\"locker-huaqiao\""), i + " " + hits.get(i).get("title"));
        }
    }

    @Test
    void theAdvancedFormCombinesFields() throws Exception {
        var santi2010 = hits(get("/api/search?title=" + encode("三体") + "&year=2010"));
        assertEquals(1, santi2010.size());
        assertEquals(2010, santi2010.getFirst().get("year").asInt());
        assertEquals(3, hits(get("/api/search?author=yuhua&title=&subject=")).size(), "empty boxes are ignored");
        assertEquals(List.of("活着"), hits(get("/api/search?q=" + encode("长篇小说") + "&author=" + encode("余华") + "&isbn=7-5063-6543-X"))
                .stream().map(h -> h.get("title").asText()).toList());
        assertEquals(2, hits(get("/api/search?clc=I313")).size());
    }

    @Test
    void matchedWordsComeMarkedAndEscaped() throws Exception {
        assertEquals("<mark>红楼梦</mark>", hits(get("/api/search?q=" + encode("紅樓夢"))).getFirst().at("/highlights/title").asText());
        var computer = hits(get("/api/search?q=" + encode("computer science technology"))).getFirst();
        assertTrue(computer.at("/highlights/title").asText().contains("<mark>Computer</mark> <mark>science</mark> &amp; <mark>technology</mark>"),
                computer.get("highlights").toString());
        assertTrue(hits(get("/api/search?q=hlm")).getFirst().get("highlights") == null, "initials mark nothing");
    }

    @Test
    void clcSubclassFacetWithLabels() throws Exception {
        var page = get("/api/search?facet=clc:I");
        var sub = FacetsTest.values(page, "clc_sub");
        assertEquals("中国文学", sub.get("I2").get("label").asText());
        assertEquals("美洲文学", sub.get("I7").get("label").asText());
        int narrowed = get("/api/search?facet=clc_sub:I2").get("total").asInt();
        assertEquals(sub.get("I2").get("count").asInt(), narrowed);
    }

    @Test
    void autocompleteUnderstandsPinyin() throws Exception {
        for (String typed : List.of("hongl", "hong lou", "hlm", "紅樓", "红")) {
            var answer = get("/api/suggest?q=" + encode(typed));
            assertEquals(typed, answer.get("query").asText());
            assertEquals("红楼梦", answer.at("/suggestions/0/text").asText(), typed + " → " + answer);
            assertEquals("TITLE", answer.at("/suggestions/0/kind").asText());
        }
        var authors = get("/api/suggest?q=yuh&size=3").get("suggestions");
        assertTrue(authors.size() <= 3);
        assertTrue(authors.toString().contains("{\"text\":\"余华\",\"kind\":\"AUTHOR\"}"), authors.toString());
        assertEquals(0, get("/api/suggest?q=").get("suggestions").size());
    }
}
