package org.tongjie.z3950server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.index.CatalogIndex;
import org.tongjie.query.LuceneQueries;
import org.tongjie.store.CatalogStore;
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
    /** Only the stored id of the record that describes each union record: the one a cataloguer copies. */
    private static final Set<String> BEST_ONLY = Set.of(CatalogIndex.BEST);

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
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                int hits = searcher.count(lucene);
                var ids = new ArrayList<String>();
                if (hits > 0) {
                    StoredFields stored = searcher.storedFields();
                    for (ScoreDoc doc : searcher.search(lucene, Math.min(hits, MAX_PRESENTABLE)).scoreDocs) {
                        ids.add(stored.document(doc.doc, BEST_ONLY).get(CatalogIndex.BEST));
                    }
                }
                return new SearchResult(hits, String.join("\n", ids));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed for " + lucene, e);
        }
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
