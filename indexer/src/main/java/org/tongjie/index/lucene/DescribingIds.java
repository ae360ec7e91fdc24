package org.tongjie.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.tongjie.query.Hits;

/**
 * The hits of a query as the ids of their describing source records, read from doc values in index order:
 * no stored field is loaded and no union record parsed, so a Z39.50 search naming thousands of hits stays
 * cheap. One pass gives both the window and the exact count.
 */
final class DescribingIds {
    private DescribingIds() {}

    /** In relevance order when {@code sort} is empty, else in its order. */
    static Hits find(IndexSearcher searcher, Query query, Optional<Sort> sort, int offset, int limit) throws IOException {
        int wanted = Math.max(1, offset + limit);
        TopDocs top = sort.isPresent()
                ? searcher.search(query, new TopFieldCollectorManager(sort.get(), wanted, Integer.MAX_VALUE))
                : searcher.search(query, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
        ScoreDoc[] window = Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length),
                Math.min(offset + limit, top.scoreDocs.length));
        return new Hits(top.totalHits.value(), ids(searcher, window));
    }

    private static List<String> ids(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        String[] ids = new String[hits.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        SortedDocValues values = null;
        LeafReaderContext leaf = null;
        int leafEnd = 0;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            if (doc >= leafEnd) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                leafEnd = leaf.docBase + leaf.reader().maxDoc();
                values = DocValues.getSorted(leaf.reader(), CatalogIndex.BEST);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("union record document " + doc + " has no " + CatalogIndex.BEST
                        + " id; rebuild the index");
            }
            ids[i] = values.lookupOrd(values.ordValue()).utf8ToString();
        }
        return List.of(ids);
    }
}
