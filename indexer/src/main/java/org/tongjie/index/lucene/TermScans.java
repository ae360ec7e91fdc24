package org.tongjie.index.lucene;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.tongjie.query.IndexScan;

/**
 * An index's terms around a start term, for Scan. Lucene's term dictionary only walks forward, so the terms
 * before the start are kept from a walk from the first term (a Scan asks for a handful of them, so only the
 * last few are held, with room for terms whose records are all gone). Each
 * term's count is the live union records holding it: document frequencies still count records replaced
 * since the last merge, and an update replaces a union record on every ingest.
 */
final class TermScans {
    private static final int HELD_PER_WANTED = 4;

    private TermScans() {}

    static IndexScan scan(IndexSearcher searcher, LuceneQueries.ScanStart start, int before, int count)
            throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), start.field());
        if (terms == null || count <= 0) {
            return new IndexScan(List.of(), 1);
        }
        BytesRef from = new BytesRef(start.term());
        List<IndexScan.Entry> preceding = preceding(searcher, start.field(), terms.iterator(), from, Math.min(before, count));
        var entries = new ArrayList<>(preceding);
        TermsEnum it = terms.iterator();
        if (it.seekCeil(from) != TermsEnum.SeekStatus.END) {
            do {
                live(searcher, start.field(), it.term()).ifPresent(entries::add);
            } while (entries.size() < count && it.next() != null);
        }
        return new IndexScan(entries, preceding.size() + 1);
    }

    /** The last {@code wanted} live terms before {@code from}, in index order. */
    private static List<IndexScan.Entry> preceding(IndexSearcher searcher, String field, TermsEnum it, BytesRef from,
            int wanted) throws IOException {
        if (wanted <= 0) {
            return List.of();
        }
        Deque<BytesRef> candidates = new ArrayDeque<>();
        for (BytesRef term = it.next(); term != null && term.compareTo(from) < 0; term = it.next()) {
            candidates.addLast(BytesRef.deepCopyOf(term));
            if (candidates.size() > wanted * HELD_PER_WANTED) {
                candidates.removeFirst();
            }
        }
        Deque<IndexScan.Entry> kept = new ArrayDeque<>();
        while (kept.size() < wanted && !candidates.isEmpty()) {
            live(searcher, field, candidates.removeLast()).ifPresent(kept::addFirst);
        }
        return List.copyOf(kept);
    }

    private static Optional<IndexScan.Entry> live(IndexSearcher searcher, String field, BytesRef term)
            throws IOException {
        int records = searcher.count(new TermQuery(new Term(field, BytesRef.deepCopyOf(term))));
        return records == 0 ? Optional.empty()
                : Optional.of(new IndexScan.Entry(term.utf8ToString(), records));
    }
}
