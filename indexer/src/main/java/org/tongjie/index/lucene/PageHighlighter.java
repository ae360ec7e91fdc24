package org.tongjie.index.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The unified highlighter for one page of hits, finding the matches as it does by default (the query's
 * {@link Weight#matches}, offsets from the postings) but with one weight for the page and one
 * {@code matches} per document. Lucene's own builds a weight of the whole query, every term looked up
 * again, for each document and each field: with a query over a dozen fields that was half of a search.
 */
final class PageHighlighter extends UnifiedHighlighter {
    private final IndexSearcher searcher;
    private Weight weight;
    private LeafReader lastReader;
    private int lastDoc = -1;
    private Matches lastMatches;

    PageHighlighter(Builder builder, IndexSearcher searcher) {
        super(builder);
        // Its own searcher: without a query cache, as Lucene's highlighter runs the query.
        this.searcher = new IndexSearcher(searcher.getIndexReader());
        this.searcher.setQueryCache(null);
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
        boolean shared = source == OffsetSource.POSTINGS
                && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES);
        return shared ? new SharedMatches(components) : super.getOffsetStrategy(source, components);
    }

    /** The matches of a document of the page, or null when it does not match; the last one is kept for the next field. */
    private Matches matches(Query query, LeafReaderContext leaf, int doc) throws IOException {
        if (leaf.reader() != lastReader || doc != lastDoc) {
            if (weight == null) {
                weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            }
            lastMatches = weight.matches(leaf, doc);
            lastReader = leaf.reader();
            lastDoc = doc;
        }
        return lastMatches;
    }

    private LeafReaderContext leafOf(LeafReader reader) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (LeafReaderContext leaf : leaves) {
            if (leaf.reader() == reader) {
                return leaf;
            }
        }
        return null;
    }

    private final class SharedMatches extends PostingsOffsetStrategy {
        SharedMatches(UHComponents components) {
            super(components);
        }

        @Override
        protected void createOffsetsEnumsWeightMatcher(LeafReader reader, int doc, List<OffsetsEnum> results)
                throws IOException {
            LeafReaderContext leaf = leafOf(reader);
            if (leaf == null) {
                super.createOffsetsEnumsWeightMatcher(reader, doc, results);
                return;
            }
            Matches matches = matches(components.query(), leaf, doc);
            if (matches == null) {
                return;
            }
            for (String field : matches) {
                if (components.fieldMatcher().test(field)) {
                    MatchesIterator iterator = matches.getMatches(field);
                    if (iterator != null) {
                        results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
                    }
                }
            }
        }
    }
}
