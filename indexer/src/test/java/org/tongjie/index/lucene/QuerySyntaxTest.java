package org.tongjie.index.lucene;

import org.tongjie.search.QueryTooLargeException;
import org.tongjie.search.SearchField;
import org.tongjie.search.SearchHit;
import org.tongjie.search.SearchRequest;
import org.tongjie.search.SortOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's query syntax and the advanced form, over the 37 real Chinese books. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySyntaxTest {
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

    private List<String> titles(String query) {
        return titles(query, Map.of());
    }

    private List<String> titles(String query, Map<SearchField, String> fields) {
        try {
            var request = new SearchRequest(query, fields, Map.of(), SortOrder.TITLE, Optional.empty(), 1, 100);
            return index.search(request).hits().stream().map(SearchHit::title).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            title:三体                              | 三体,三体,三体
            title:三體                              | 三体,三体,三体
            TITLE:santi                             | 三体,三体,三体
            author:余华                             | 活着,许三观卖血记,许三观卖血记
            author:yuhua                            | 活着,许三观卖血记,许三观卖血记
            author:"余华"                           | 活着,许三观卖血记,许三观卖血记
            author: 余华                            | 活着,许三观卖血记,许三观卖血记
            author：余华                            | 活着,许三观卖血记,许三观卖血记
            余华 NOT 活着                           | 许三观卖血记,许三观卖血记
            余华 -活着                              | 许三观卖血记,许三观卖血记
            活着 OR 围城                            | 活着,围城
            (活着 OR 围城) AND 钱钟书                | 围城
            "长安的荔枝"                              | 长安的荔枝
            “长安的荔枝”                              | 长安的荔枝
            subject:章回小说                         | 红楼梦,三国演义,水浒传,西游记
            subject:章回小说 NOT author:罗贯中        | 红楼梦,西游记
            clc:TP                                  | 剑指Offer,R语言实战,统计学习方法
            clc:tp3                                 | 剑指Offer,R语言实战
            clc:K                                   | 人类简史 从动物到上帝,人类简史 从动物到上帝,万历十五年
            isbn:978-7-5366-9293-0                  | 三体
            isbn:7536692935                         | 三体
            year:2022                               | 长安的荔枝
            year:2019-2021                          | 从一到无穷大,经济学原理,统计学习方法,置身事内
            year:2021-2019                          | 从一到无穷大,经济学原理,统计学习方法,置身事内
            year:2021-                              | 长安的荔枝,置身事内
            subject:长篇小说 author:余华 year:2012     | 活着,许三观卖血记
            publisher:人民文学 AND title:红楼梦         | 红楼梦
            """)
    void fieldsPhrasesAndOperators(String query, String expected) {
        assertEquals(List.of(expected.split(",")), titles(query), query);
    }

    @Test
    void lowerCaseOrIsAWordAndAnUnknownFieldNameIsText() {
        assertEquals(List.of(), titles("活着 or 围城"), "'or' is a word every hit must have, as 'and' in 'pride and prejudice'");
        assertEquals(List.of(), titles("colour:红楼梦"), "colour is no field: the word colour:红楼梦 is in no record");
    }

    @ParameterizedTest
    @ValueSource(strings = {"isbn:123", "isbn:978-7-5366-9293-1", "year:abc", "year:-", "clc:", "issn:1234"})
    void aValueTheFieldCannotHoldFindsNothing(String query) {
        assertEquals(List.of(), titles(query), query);
    }

    @Test
    void theAdvancedFormRequiresEveryField() {
        assertEquals(List.of("三体"), titles("", Map.of(SearchField.TITLE, "三体", SearchField.YEAR, "2010")));
        assertEquals(List.of("许三观卖血记"), titles("卖血", Map.of(SearchField.YEAR, "-2000")));
        assertEquals(List.of("边城"), titles("", Map.of(SearchField.AUTHOR, "shen cong wen", SearchField.CLC, "I246")));
    }

    @Test
    void theAdvancedFormRefusesValuesItCannotSearchWithAMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SearchRequest("", Map.of(SearchField.YEAR, "last year"),
                Map.of(), SortOrder.RELEVANCE, Optional.empty(), 1, 10));
        assertTrue(e.getMessage().contains("year must be a year or a range"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SearchRequest("", Map.of(SearchField.ISBN, "978-7-5366-9293-1"),
                Map.of(), SortOrder.RELEVANCE, Optional.empty(), 1, 10));
        assertTrue(e.getMessage().contains("isbn must be"), e.getMessage());
    }

    /** SimpleQueryParser's testGarbage, for our syntax on top of it: every string is a query, none an error. */
    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"\"", "((((", "))))", "(()", "AND", "OR OR OR", "NOT", "NOT NOT x", "- - -", "+-+-",
            "title:", "title:\"", "title:(", ":::", "year:99999999999", "clc:*", "a OR", "OR a", "(a OR (b AND NOT", "“", "）（",
            "\u0000\u0001", "\\", "*", "~", "||&&", "-(", "-\"", "author:-", "isbn:--", "title:title:title:"})
    void garbageIsNeverAnError(String query) {
        titles(query);
    }

    @Test
    void randomGarbageIsNeverAnError() {
        var random = new Random(5);
        String alphabet = "()\"“”:-+*~|&\\ 　ANDORNOTtileauhryscb红楼梦三體0129x";
        for (int n = 0; n < 2_000; n++) {
            var query = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                query.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            titles(query.toString());
        }
    }

    @Test
    void deepNestingAndLongQueriesAreCutNotFatal() {
        titles("(".repeat(10_000) + "三体" + ")".repeat(10_000));
        assertEquals(List.of(), titles("三体 " + "x ".repeat(5_000)), "words past the limit are dropped; the x's kept must match");
        var e = assertThrows(QueryTooLargeException.class, () -> titles("红".repeat(3_000) + "楼".repeat(3_000)));
        assertTrue(e.getMessage().contains("shorten it"), e.getMessage());
    }
}
