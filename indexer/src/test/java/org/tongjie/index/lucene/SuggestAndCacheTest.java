package org.tongjie.index.lucene;

import org.tongjie.search.Suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Autocomplete that understands pinyin, and the cache of searches that a refresh of the searcher clears. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestAndCacheTest {
    private CatalogIndex index;

    @BeforeAll
    void indexTheBooks(@TempDir Path dir) throws IOException {
        index = CatalogIndex.open(dir);
        NetworkOfBooks.index(index);
    }

    @AfterAll
    void close() throws IOException {
        index.close();
    }

    private List<Suggestion> suggest(String typed) {
        try {
            return index.suggest(typed, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            红,     红楼梦
            红楼,   红楼梦
            紅樓,   红楼梦
            hongl,  红楼梦
            hong lou, 红楼梦
            hlm,    红楼梦
            Hóng,   红楼梦
            bailu,  白鹿原
            changan, 长安的荔枝
            """)
    void theTitleBeingTypedComesFirst(String typed, String title) {
        var first = suggest(typed).getFirst();
        assertEquals(new Suggestion(title, Suggestion.Kind.TITLE), first, typed + " → " + suggest(typed));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            余,      余华
            yuh,     余华
            shencong, 沈从文
            cxq,     曹雪芹
            """)
    void authorsByCharactersPinyinAndInitials(String typed, String author) {
        assertTrue(suggest(typed).contains(new Suggestion(author, Suggestion.Kind.AUTHOR)), typed + " → " + suggest(typed));
    }

    @Test
    void aWordInsideATitleFindsItBelowTitlesThatStartWithIt() {
        assertTrue(suggest("荔枝").contains(new Suggestion("长安的荔枝", Suggestion.Kind.TITLE)), suggest("荔枝").toString());
        assertTrue(suggest("lizhi").contains(new Suggestion("长安的荔枝", Suggestion.Kind.TITLE)), suggest("lizhi").toString());
        assertTrue(suggest("offer").contains(new Suggestion("剑指Offer", Suggestion.Kind.TITLE)), suggest("offer").toString());
        var san = suggest("san");
        assertEquals("三体", san.getFirst().text(), "the widely held 三体 starts with san: " + san);
        assertTrue(san.indexOf(new Suggestion("许三观卖血记", Suggestion.Kind.TITLE)) > san.indexOf(new Suggestion("三国演义", Suggestion.Kind.TITLE)),
                "xu SAN guan is inside its title, san guo yan yi starts with it: " + san);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\"", "*", "((", "zzzzqqq", "\u0000"})
    void nothingOrGarbageSuggestsNothingOrSomething(String typed) {
        assertTrue(suggest(typed).size() <= 8);
        assertTrue(suggest("zzzzqqq").isEmpty());
    }

    @Test
    void aRepeatedSearchComesFromTheCacheUntilTheSearcherRefreshes(@TempDir Path dir) throws IOException {
        try (var fresh = CatalogIndex.open(dir)) {
            var books = NetworkOfBooks.books("x");
            fresh.put(books.getFirst());
            fresh.commit(1);
            long served = fresh.cachedPagesServed();
            assertEquals(1, fresh.search("三体", 1, 10).total());
            assertEquals(1, fresh.search("三体", 1, 10).total());
            assertEquals(served + 1, fresh.cachedPagesServed(), "the second search was served from the cache");

            fresh.put(books.get(1));
            fresh.commit(2);
            assertEquals(2, fresh.search("三体", 1, 10).total(), "the refresh after the commit cleared the cache");
            assertEquals(2, fresh.search("三体", 1, 10).facets().stream().filter(f -> f.dim().equals("clc")).findFirst()
                    .orElseThrow().values().getFirst().count(), "facet counts too");
            assertEquals(List.of(), fresh.suggest("hongl", 5), "nothing but 三体 yet");
            fresh.put(books.get(3));
            fresh.commit(3);
            assertEquals("红楼梦", fresh.suggest("hongl", 5).getFirst().text(), "suggestions refresh with the searcher");
        }
    }
}
