package org.tongjie.index.lucene;

import org.tongjie.search.Facet;
import org.tongjie.search.Ranking;
import org.tongjie.search.SearchHit;
import org.tongjie.search.SearchPage;
import org.tongjie.search.SearchRequest;
import org.tongjie.search.SortOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.UnionRecord;

/** The orders a reader may ask for, the widely-held prior, highlighting and the CLC subclass facet. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SortingAndHighlightingTest {
    private CatalogIndex index;
    private List<UnionRecord> unions;

    @BeforeAll
    void indexTheBooks(@TempDir Path dir) throws IOException {
        index = CatalogIndex.open(dir);
        unions = NetworkOfBooks.index(index);
    }

    @AfterAll
    void close() throws IOException {
        index.close();
    }

    private SearchPage search(String query, SortOrder sort, Optional<Coordinates> near) throws IOException {
        return index.search(new SearchRequest(query, Map.of(), Map.of(), sort, near, 1, 100));
    }

    @Test
    void byYearOldestOrNewestFirst() throws IOException {
        var oldest = search("", SortOrder.YEAR, Optional.empty()).hits().stream().map(h -> h.year().getAsInt()).toList();
        var newest = search("", SortOrder.NEWEST, Optional.empty()).hits().stream().map(h -> h.year().getAsInt()).toList();
        assertEquals(oldest.stream().sorted().toList(), oldest);
        assertEquals(newest.stream().sorted(Comparator.reverseOrder()).toList(), newest);
        assertEquals(1991, oldest.getFirst(), "围城, 1991");
        assertEquals(2022, newest.getFirst(), "长安的荔枝, 2022");
    }

    @Test
    void byTitleChineseTitlesInPinyinOrder() throws IOException {
        var titles = search("", SortOrder.TITLE, Optional.empty()).hits().stream().map(SearchHit::title).toList();
        assertEquals(List.of("白鹿原", "百年孤独", "边城"), titles.subList(0, 3), "bai lu yuan, bai nian gu du, bian cheng");
        assertTrue(titles.indexOf("剑指Offer") < titles.indexOf("R语言实战")
                && titles.indexOf("R语言实战") < titles.indexOf("人类简史 从动物到上帝"), "jian zhi offer < r yu yan < ren lei: " + titles);
        assertEquals("长安的荔枝", titles.get(titles.indexOf("边城") + 1), "chang an, not zhang an: its catalogued pinyin");
    }

    @Test
    void nearestFirstPutsTheBooksTheNearLibraryHoldsFirst() throws IOException {
        var hits = search("", SortOrder.NEAREST, Optional.of(NetworkOfBooks.KUNSHAN)).hits();
        long near = unions.stream().filter(u -> u.libraries().contains("near")).count();
        assertTrue(near > 10);
        for (int i = 0; i < hits.size(); i++) {
            assertEquals(i < near, hits.get(i).libraries().contains("near"), i + ": " + hits.get(i).title());
        }
        var fromBeijing = search("余华", SortOrder.NEAREST, Optional.of(NetworkOfBooks.BEIJING)).hits();
        assertEquals(3, fromBeijing.size(), "every book is held in Beijing: relevance decides among equals");
    }

    @Test
    void holdingsPerLibraryNearestFirstWithDistances() throws IOException {
        var hit = search("", SortOrder.NEAREST, Optional.of(NetworkOfBooks.KUNSHAN)).hits().getFirst()
                .withLibraries(NetworkOfBooks.DIRECTORY, Optional.of(NetworkOfBooks.KUNSHAN));
        var libraries = hit.libraryHoldings();
        assertEquals("near", libraries.getFirst().library());
        assertEquals("near馆", libraries.getFirst().name().orElseThrow());
        assertEquals(0.0, libraries.getFirst().distanceKm().getAsDouble(), 0.01);
        assertEquals(1_000, libraries.getLast().distanceKm().getAsDouble(), 50, "Kunshan to Beijing is about 1,000 km");
        var noPosition = hit.withLibraries(NetworkOfBooks.DIRECTORY, Optional.empty()).libraryHoldings();
        assertTrue(noPosition.stream().allMatch(l -> l.distanceKm().isEmpty()));
    }

    @Test
    void theWidelyHeldVolumeComesFirstAmongEqualMatches() throws IOException {
        var santi = search("三体", SortOrder.RELEVANCE, Optional.empty()).hits();
        assertEquals(3, santi.size());
        assertTrue(santi.getFirst().isbns().contains(NetworkOfBooks.WIDELY_HELD_ISBN), santi.getFirst().isbns().toString());
    }

    @Test
    void theWidelyHeldPriorNeverLiftsAWeakMatchOverAnExactTitle(@TempDir Path dir) throws IOException {
        try (var plain = CatalogIndex.open(dir, Ranking.TEXT_ONLY)) {
            NetworkOfBooks.index(plain);
            for (String q : List.of("生命", "语言", "余华", "中国")) {
                var with = search(q, SortOrder.RELEVANCE, Optional.empty());
                var without = plain.search(new SearchRequest(q, Map.of(), Map.of(), SortOrder.RELEVANCE, Optional.empty(), 1, 100));
                assertEquals(without.total(), with.total(), "the prior decides no match: " + q);
                assertEquals(Set.copyOf(without.hits().stream().map(SearchHit::id).toList()),
                        Set.copyOf(with.hits().stream().map(SearchHit::id).toList()), q);
            }
            assertEquals("R语言实战", search("R语言实战", SortOrder.RELEVANCE, Optional.empty()).hits().getFirst().title());
        }
    }

    @Test
    void matchedWordsAreMarkedInTitlesAuthorsAndSubjects() throws IOException {
        var hit = search("红楼梦", SortOrder.RELEVANCE, Optional.empty()).hits().getFirst();
        assertEquals("<mark>红楼梦</mark>", hit.highlights().orElseThrow().title().orElseThrow());
        var traditional = search("紅樓夢", SortOrder.RELEVANCE, Optional.empty()).hits().getFirst();
        assertEquals("<mark>红楼梦</mark>", traditional.highlights().orElseThrow().title().orElseThrow(), "the stored text is marked");
        var byAuthor = search("余华", SortOrder.RELEVANCE, Optional.empty()).hits().getFirst().highlights().orElseThrow();
        assertEquals(List.of("<mark>余华</mark>"), byAuthor.authors());
        assertEquals(Optional.empty(), byAuthor.title());
        var partial = search("长安", SortOrder.RELEVANCE, Optional.empty()).hits().getFirst().highlights().orElseThrow();
        assertEquals("<mark>长安</mark>的荔枝", partial.title().orElseThrow());
        var subject = search("章回小说", SortOrder.RELEVANCE, Optional.empty()).hits().getFirst().highlights().orElseThrow();
        assertEquals(List.of("<mark>章回小说</mark> -- 中国 -- 清代"), subject.subjects());
        assertEquals(Optional.empty(), search("hlm", SortOrder.RELEVANCE, Optional.empty()).hits().getFirst().highlights(),
                "initials match no stored word");
    }

    @Test
    void clcSubclassesAreCountedWithTheirChineseLabels() throws IOException {
        var sub = search("", SortOrder.RELEVANCE, Optional.empty()).facets().stream()
                .filter(f -> f.dim().equals("clc_sub")).findFirst().orElseThrow().values();
        var i2 = sub.stream().filter(v -> v.value().equals("I2")).findFirst().orElseThrow();
        assertEquals("中国文学", i2.label().orElseThrow());
        assertEquals(18, i2.count(), "the Chinese novels: I242.4, I246.5, I247.5…");
        assertEquals("自动化技术、计算机技术", sub.stream().filter(v -> v.value().equals("TP")).findFirst().orElseThrow().label().orElseThrow());
        assertEquals("心理学", sub.stream().filter(v -> v.value().equals("B84")).findFirst().orElseThrow().label().orElseThrow());
        assertEquals("亚洲文学", sub.stream().filter(v -> v.value().equals("I3")).findFirst().orElseThrow().label().orElseThrow());
        var narrowed = index.search(new SearchRequest("", Map.of(), Map.of(Facet.CLC_SUB, Set.of("TP")), SortOrder.TITLE,
                Optional.empty(), 1, 10));
        assertEquals(List.of("剑指Offer", "R语言实战", "统计学习方法"), narrowed.hits().stream().map(SearchHit::title).toList());
    }
}
