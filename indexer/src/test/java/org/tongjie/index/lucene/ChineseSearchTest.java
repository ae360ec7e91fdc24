package org.tongjie.index.lucene;

import org.tongjie.search.SearchHit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.testing.SharedData;

/**
 * What readers type, against an index of the 37 real Chinese books (and, where the shared data is
 * present, the Library of Congress MARC21 samples): simplified, traditional, pinyin spaced, joined and
 * as initials, authors, ISBNs, English, and garbage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChineseSearchTest {
    private CatalogIndex index;

    @BeforeAll
    void indexTheBooks(@TempDir Path dir) throws IOException {
        index = CatalogIndex.open(dir);
        for (var r : JudgedQueries.chineseBooks()) {
            index.put(r);
        }
        index.commit(1);
    }

    @AfterAll
    void close() throws IOException {
        index.close();
    }

    private List<String> titles(String query, int top) {
        try {
            return index.search(query, 1, top).hits().stream().map(SearchHit::title).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertFirst(String expected, String query) {
        var titles = titles(query, 10);
        assertTrue(!titles.isEmpty() && titles.getFirst().equals(expected), query + " → " + titles);
    }

    @ParameterizedTest
    @ValueSource(strings = {"三体", "三體", "san ti", "santi", "SanTi", "sān tǐ", "刘慈欣", "liu cixin", "lcx"})
    void theThreeBodyProblemInEveryScript(String query) {
        var titles = titles(query, 3);
        assertEquals(List.of("三体", "三体", "三体"), titles, query);
    }

    @Test
    void initialsMayHitSeveralButTheBookIsAmongThem() {
        assertTrue(titles("st", 5).contains("三体"), titles("st", 5).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"沈从文", "沈從文", "shen cong wen", "shencongwen", "Shen Congwen"})
    void shenCongwenInSimplifiedTraditionalAndPinyin(String query) {
        assertFirst("边城", query);
    }

    /** ICU reads 长 as zhang here; the record's own 200$A pinyin says chang, and so does the override list. */
    @ParameterizedTest
    @ValueSource(strings = {"长安", "長安", "chang an", "changan", "长安的荔枝", "changandelizhi"})
    void changAnIsReadAsTheCityNotZhangAn(String query) {
        assertFirst("长安的荔枝", query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"红楼梦", "紅樓夢", "hongloumeng", "hong lou meng", "hlm"})
    void dreamOfTheRedChamber(String query) {
        assertFirst("红楼梦", query);
    }

    @Test
    void yuHuaFindsBothNovels() {
        for (String query : List.of("余华", "yu hua", "yuhua")) {
            assertTrue(titles(query, 10).containsAll(Set.of("活着", "许三观卖血记")), query + " → " + titles(query, 10));
        }
    }

    @Test
    void aPartialTitleAndATraditionalQueryFindTheirBook() {
        assertFirst("白鹿原", "白鹿");
        assertFirst("骆驼祥子", "駱駝祥子");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9787536692930", "978-7-5366-9293-0", "7536692935", "7-5366-9293-5"})
    void isbnInEveryForm(String query) {
        assertFirst("三体", query);
    }

    @Test
    void anExactTitleRanksAboveTitlesThatOnlyContainIt() {
        // 语言 is in 语言学的邀请, 电影语言的语法 and R语言实战; nothing is titled 语言, so no exact match.
        assertFirst("R语言实战", "R语言实战");
        assertFirst("生命是什么", "生命是什么");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+-\"(((", "\"", "*", "~~~", ")", "title:", "AND OR NOT", "\u0000", "'''", "x'", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"})
    void garbageNeverThrows(String query) throws IOException {
        index.search(query, 1, 10);
    }

    @Test
    void theJudgedQueriesScore() {
        var records = uncheckedBooks();
        var chinese = Relevance.measure(JudgedQueries.CHINESE, records, q -> titles(q, Relevance.DEPTH));
        var latin = Relevance.measure(JudgedQueries.LATIN, records, q -> titles(q, Relevance.DEPTH));
        System.out.println("| queries | count | P@1 | recall@10 | irrelevant in top 10 |\n|---|---:|---:|---:|---:|");
        System.out.println(chinese.row("Chinese: titles, partial titles, authors, subjects, traditional"));
        System.out.println(latin.row("pinyin (joined, spaced, initials) and ISBN"));
        assertTrue(chinese.precisionAt1() >= 0.95 && chinese.recallAt10() >= 0.95, chinese.toString());
        assertTrue(latin.precisionAt1() >= 0.95 && latin.recallAt10() >= 0.95, latin.toString());
    }

    private static List<org.tongjie.catalog.BibRecord> uncheckedBooks() {
        try {
            return JudgedQueries.chineseBooks();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void englishOnMarc21Records(@TempDir Path englishDir) throws IOException {
        try (var english = CatalogIndex.open(englishDir);
                InputStream in = Files.newInputStream(SharedData.file("idzebra-examples/marc21/sample-marc"));
                var source = MarcSource.open(in)) {
            source.forEachRemaining(entry -> {
                if (entry instanceof MarcEntry.Parsed parsed) {
                    Normalizer.normalize("lib", parsed).ifPresent(r -> {
                        try {
                            english.put(r);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            });
            english.commit(1);
            var all = english.search("", 1, 1000).hits();
            var some = all.getFirst();
            String word = some.title().split("\\W+")[0];
            var found = english.search(some.title(), 1, 10).hits();
            assertEquals(some.id(), found.getFirst().id(), "the whole title as typed finds its record first");
            assertTrue(english.search(word.toUpperCase(java.util.Locale.ROOT), 1, 100).hits().stream()
                    .anyMatch(h -> h.id().equals(some.id())), word);
        }
    }
}
