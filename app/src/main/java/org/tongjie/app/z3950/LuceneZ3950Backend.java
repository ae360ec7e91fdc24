package org.tongjie.app.z3950;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.index.lucene.CatalogIndex;
import org.tongjie.index.lucene.LuceneQueries;
import org.tongjie.store.sqlite.CatalogStore;
import org.tongjie.z3950.Bib1Exception;
import org.tongjie.z3950.CatalogBackend;
import org.tongjie.z3950.RecordSyntax;
import org.tongjie.z3950.RpnQuery;
import org.tongjie.z3950.SearchResult;

/**
 * The Z39.50 server's backend over the hub's data directory, in the server's own JVM: the Lucene index
 * ({@code DIR/index}) read-only, since the hub holds its write lock, and the record store
 * ({@code DIR/catalog.db}) for the records as the members sent them, which is what a cataloguer copying a
 * record wants. The index is refreshed before each search when the hub has committed since, so records
 * uploaded while the server runs are found.
 */
public final class LuceneZ3950Backend implements CatalogBackend, AutoCloseable {
    /**
     * The records of a result set a client can present. Its ids travel in the result set's handle (the
     * server keeps that per association and drops it when the client closes), so a search for everything
     * in a large catalogue stays bounded and the backend keeps no state of its own.
     */
    static final int MAX_PRESENTABLE = 10_000;
    /** Hits a first search collects; most searches have fewer, and are then searched once. */
    private static final int FIRST_WINDOW = 100;

    private final FSDirectory directory;
    private final SearcherManager searchers;
    private final CatalogStore store;
    private final LuceneQueries queries = new LuceneQueries();

    LuceneZ3950Backend(Path dataDir) {
        Path index = dataDir.resolve("index");
        Path db = dataDir.resolve("catalog.db");
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException("no catalogue in " + dataDir.toAbsolutePath() + ": " + db + " is missing");
        }
        try {
            this.directory = FSDirectory.open(index);
            this.searchers = new SearcherManager(directory, null);
        } catch (IndexNotFoundException e) {
            throw new IllegalArgumentException("no Lucene index in " + index.toAbsolutePath()
                    + ": start the hub on this data directory first", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene index at " + index, e);
        }
        this.store = CatalogStore.openSqlite(db);
    }

    /** Builds the backend in the server's JVM over the data directory named by the one argument. */
    public static final class Factory implements CatalogBackend.Factory {
        @Override
        public CatalogBackend create(List<String> arguments) {
            if (arguments.size() != 1) {
                throw new IllegalArgumentException("expected one argument, the hub's data directory; got " + arguments);
            }
            return new LuceneZ3950Backend(Path.of(arguments.getFirst()));
        }
    }

    @Override
    public SearchResult search(RpnQuery query) {
        Query lucene = queries.toLucene(RpnQueries.of(query));
        try {
            refreshIfCommitted();
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = top(searcher, lucene);
                return new SearchResult(top.totalHits.value(), String.join("\n", bestIds(searcher, top.scoreDocs)));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed for " + lucene, e);
        }
    }

    /**
     * Reopens the index when the hub has committed since it was opened. Listing the directory for the
     * latest commit's generation is cheap; asking the reader whether it is current reads that commit.
     */
    private void refreshIfCommitted() throws IOException {
        long latest = SegmentInfos.getLastCommitGeneration(directory.listAll());
        IndexSearcher searcher = searchers.acquire();
        try {
            if (((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getGeneration() == latest) {
                return;
            }
        } finally {
            searchers.release(searcher);
        }
        searchers.maybeRefreshBlocking();
    }

    /** The id of the record describing each hit, in the hits' order, read from doc values in index order. */
    private static List<String> bestIds(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        String[] ids = new String[hits.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        SortedDocValues values = null;
        int leafEnd = 0;
        LeafReaderContext leaf = null;
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

    /**
     * The presentable hits in relevance order with the exact hit count, in one pass when they fit the
     * first window (most searches); only a larger result set is searched again for the rest.
     */
    private static TopDocs top(IndexSearcher searcher, Query query) throws IOException {
        TopDocs first = searcher.search(query, new TopScoreDocCollectorManager(FIRST_WINDOW, Integer.MAX_VALUE));
        long hits = first.totalHits.value();
        if (hits <= FIRST_WINDOW) {
            return first;
        }
        TopDocs all = searcher.search(query, (int) Math.min(hits, MAX_PRESENTABLE));
        return new TopDocs(first.totalHits, all.scoreDocs);
    }

    @Override
    public byte[] record(SearchResult result, int position, RecordSyntax syntax) {
        String recordId = idAt(result.handle(), position).orElseThrow(() -> new Bib1Exception(13,
                position > MAX_PRESENTABLE
                        ? "only the first " + MAX_PRESENTABLE + " records of a result set can be presented"
                        : Integer.toString(position)));
        SourceRecord source = store.sourceRecord(recordId)
                .filter(r -> !r.deleted())
                .orElseThrow(() -> new Bib1Exception(14, "record " + recordId + " was deleted after the search"));
        return ServedRecords.render(source, syntax);
    }

    /**
     * The id at a 1-based position of the handle's lines, found without splitting the whole handle: GFS
     * asks once per record presented, and a handle holds up to {@link #MAX_PRESENTABLE} ids.
     */
    static Optional<String> idAt(String handle, int position) {
        if (position < 1 || handle.isEmpty()) {
            return Optional.empty();
        }
        int start = 0;
        for (int line = 1; line < position; line++) {
            start = handle.indexOf('\n', start) + 1;
            if (start == 0) {
                return Optional.empty();
            }
        }
        int end = handle.indexOf('\n', start);
        return Optional.of(end < 0 ? handle.substring(start) : handle.substring(start, end));
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            directory.close();
        } finally {
            store.close();
        }
    }
}
