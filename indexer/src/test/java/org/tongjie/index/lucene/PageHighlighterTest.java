package org.tongjie.index.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page highlighter shares one weight and one set of matches per document between the fields; what it
 * marks must be exactly what Lucene's own unified highlighter marks, for every kind of query a reader types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageHighlighterTest {
    private static final String[] FIELDS = {CatalogIndex.TITLE, CatalogIndex.AUTHOR, CatalogIndex.SUBJECT};
    private static final int[] PASSAGES = {1, 3, 3};
    private FSDirectory directory;
    private DirectoryReader reader;

    @BeforeAll
    void indexTheBooks(@TempDir Path dir) throws IOException {
        try (var index = CatalogIndex.open(dir)) {
            NetworkOfBooks.index(index);
        }
        directory = FSDirectory.open(dir);
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"红楼梦", "紅樓夢", "三体", "hong lou meng", "hlm", "the", "python programming",
            "\"data science\"", "titl*", "title:三体 OR author:刘慈欣", "小说 -三体", "9787536692930", "author:金庸",
            "subject:历史", "中国 history"})
    void marksWhatLucenesOwnHighlighterMarks(String typed) throws IOException {
        var searcher = new IndexSearcher(reader);
        Query query = UserQuery.parse(typed, Map.of());
        int[] docs = Arrays.stream(searcher.search(query, 20).scoreDocs).mapToInt(d -> d.doc).toArray();

        Map<String, String[]> ours = new PageHighlighter(builder(searcher), searcher).highlightFields(FIELDS, query, docs, PASSAGES);
        Map<String, String[]> lucenes = builder(searcher).build().highlightFields(FIELDS, query, docs, PASSAGES);

        assertEquals(lucenes.keySet(), ours.keySet());
        for (String field : FIELDS) {
            assertArrayEquals(lucenes.get(field), ours.get(field), typed + " in " + field);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"红楼梦", "offer"})
    void theQueriesAboveDoMarkSomething(String typed) throws IOException {
        var searcher = new IndexSearcher(reader);
        Query query = UserQuery.parse(typed, Map.of());
        ScoreDoc[] hits = searcher.search(query, 20).scoreDocs;
        int[] docs = Arrays.stream(hits).mapToInt(d -> d.doc).toArray();
        String[] titles = new PageHighlighter(builder(searcher), searcher).highlightFields(FIELDS, query, docs, PASSAGES)
                .get(CatalogIndex.TITLE);
        assertTrue(List.of(titles).stream().anyMatch(t -> t != null && t.contains("<b>")), Arrays.toString(titles));
    }

    private static UnifiedHighlighter.Builder builder(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, UserQuery.ANALYZER).withMaxNoHighlightPassages(0);
    }
}
