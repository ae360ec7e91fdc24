package org.tongjie.index.lucene;

import org.tongjie.search.Facet;
import org.tongjie.search.FacetCount;
import org.tongjie.search.QueryTooLargeException;
import org.tongjie.search.Ranking;
import org.tongjie.search.SearchHit;
import org.tongjie.search.SearchPage;
import org.tongjie.search.SearchRequest;
import org.tongjie.search.SortOrder;
import org.tongjie.search.Suggestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.index.UnionIndex;
import org.tongjie.query.CatalogQuery;
import org.tongjie.query.Hits;
import org.tongjie.query.IndexScan;
import org.tongjie.query.Matches;
import org.tongjie.query.SortKey;

/**
 * The {@link UnionIndex} in Lucene on local disk: one document per union record, keyed by its id and findable by the id of
 * each source record in it, so the union records a changed source record was in can be replaced. Each commit remembers the
 * store's change number it has caught up to, so after a crash the index resumes from there. A
 * {@link SearcherManager} is refreshed in the background every second and on demand after an ingest;
 * each refresh that changes something clears the cache of searches ({@link SearchCache}).
 */
public final class CatalogIndex implements UnionIndex {
    /**
     * Field names are public for code that builds its own Lucene queries over a read-only copy of this
     * index (the Z39.50 server); they are part of the layout, see {@link #CURRENT_LAYOUT}.
     */
    public static final String ID = "id";
    /** Each source record in the union record; {@link #BEST} the one whose description it shows. */
    public static final String MEMBER = "member";
    public static final String BEST = "best";
    public static final String LIBRARY = "library";
    public static final String TITLE = "title";
    public static final String AUTHOR = "author";
    public static final String SUBJECT = "subject";
    static final String PUBLISHER = "publisher";
    public static final String ISBN = "isbn";
    /** ISSNs as NNNN-NNNC, and the member's own record id, exact: the Z39.50 server's Bib-1 uses 8 and 12. */
    public static final String ISSN = "issn";
    public static final String LOCAL_ID = "local_id";
    public static final String ALL = "all";
    /** Pinyin syllables of titles and authors ("hong lou meng"), searched as phrases. */
    static final String TITLE_PINYIN = "title_pinyin";
    static final String AUTHOR_PINYIN = "author_pinyin";
    /** First letters of those syllables ("hlm"), one exact term per title or author. */
    static final String TITLE_INITIALS = "title_initials";
    static final String AUTHOR_INITIALS = "author_initials";
    /** Each title as {@link ExactTitle#key}, so a query that is a whole title ranks that record first. */
    static final String TITLE_EXACT = "title_exact";
    static final String YEAR = "year";
    /** Class numbers of the CLC, whole and upper case, for {@code clc:} prefixes. */
    static final String CLC = "clc";
    /** The title's pinyin, for the title sort. */
    static final String TITLE_SORT = "title_sort";
    /** The first author's pinyin or words, for the protocols' author sort. */
    static final String AUTHOR_SORT = "author_sort";
    /** Where the copies are, for the nearest sort. */
    static final String PLACE = "place";
    /** Ranking features: {@link #HOLDERS}, how many members hold the record. */
    static final String FEATURES = "features";
    static final String HOLDERS = "holders";
    static final String RECORD = "record";
    private static final String CHANGE_SEQ = "change_seq";
    private static final String LAYOUT = "layout";
    /**
     * The version of the documents' fields and analysis. Raise it whenever either changes: an index written
     * with another layout is rebuilt from the store when the hub opens it, instead of answering wrongly.
     */
    static final int CURRENT_LAYOUT = 10;

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetedSearch faceted = new FacetedSearch();
    private final SearchCache cache = new SearchCache();
    private final Ranking ranking;
    private final LuceneQueries queries = new LuceneQueries();
    private final ScheduledExecutorService refresher;

    private CatalogIndex(FSDirectory directory, IndexWriter writer, Ranking ranking) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.ranking = ranking;
        this.searchers = new SearcherManager(writer, null);
        searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {}

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    cache.clear();
                }
            }
        });
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "lucene-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
    }

    public static CatalogIndex open(Path dir) {
        return open(dir, Ranking.DEFAULT);
    }

    public static CatalogIndex open(Path dir, Ranking ranking) {
        try {
            var directory = FSDirectory.open(dir);
            var config = new IndexWriterConfig(new CatalogAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            return new CatalogIndex(directory, new IndexWriter(directory, config), ranking);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene index at " + dir, e);
        }
    }

    /**
     * The analyser the text fields are indexed with, for code that builds its own Lucene queries over a
     * read-only copy of this index (the Z39.50 server's RPN queries): terms must be analysed the same way.
     */
    public static org.apache.lucene.analysis.Analyzer analyzer() {
        return new CatalogAnalyzer();
    }

    /** The store change number the last commit had caught up to; 0 for a new index. */
    @Override
    public long committedChangeSeq() {
        return commitData(CHANGE_SEQ).map(Long::parseLong).orElse(0L);
    }

    /** True when the index on disk was written with the fields and analysis this version of the hub uses. */
    @Override
    public boolean hasCurrentLayout() {
        return commitData(LAYOUT).map(v -> Integer.parseInt(v) == CURRENT_LAYOUT)
                .orElse(committedChangeSeq() == 0);
    }

    private Optional<String> commitData(String key) {
        for (var entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(key)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** Indexes a record that matched no other as its own union record. */
    public void put(BibRecord record) throws IOException {
        put(UnionRecord.single(record), List.of(record), Map.of());
    }

    /**
     * Indexes a union record from its source records; the member directory says what kind of service point
     * each holder is and where, for the facets and the nearest sort.
     */
    @Override
    public void put(UnionRecord union, List<BibRecord> sources, Map<String, Library> directory) throws IOException {
        writer.updateDocument(new Term(ID, IndexKeys.exact(union.id())), FacetFields.CONFIG.build(UnionDocument.of(union, sources, directory)));
    }

    /** Removes the union records that any of these source records is in. */
    @Override
    public void deleteMembers(Collection<String> recordIds) throws IOException {
        writer.deleteDocuments(recordIds.stream().map(id -> new Term(MEMBER, IndexKeys.exact(id))).toArray(Term[]::new));
    }

    /**
     * The source records that share a union record with any of these, as the index has them now
     * (uncommitted changes included): what must be rewritten when these records change.
     */
    @Override
    public Set<String> coMembers(Collection<String> recordIds) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            var out = new HashSet<String>();
            var query = new TermInSetQuery(MEMBER, recordIds.stream().map(id -> new BytesRef(IndexKeys.exact(id))).toList());
            for (ScoreDoc hit : searcher.search(query, Math.max(1, recordIds.size() * 4)).scoreDocs) {
                out.addAll(List.of(searcher.storedFields().document(hit.doc, Set.of(MEMBER)).getValues(MEMBER)));
            }
            return out;
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes everything put so far durable, remembering the change number it reflects, and visible. */
    @Override
    public void commit(long changeSeq) throws IOException {
        writer.setLiveCommitData(Map.of(CHANGE_SEQ, Long.toString(changeSeq),
                LAYOUT, Integer.toString(CURRENT_LAYOUT)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    public SearchPage search(String userQuery, int page, int size) throws IOException {
        return search(userQuery, Map.of(), page, size);
    }

    public SearchPage search(String userQuery, Map<Facet, Set<String>> filters, int page, int size) throws IOException {
        return search(SearchRequest.of(userQuery, filters, page, size));
    }

    /**
     * The page of hits within the selected facet values, in the order asked for, with every dimension's
     * counts and the matched words highlighted; from the cache when the same search ran on this searcher.
     *
     * @throws QueryTooLargeException when the query has more parts than Lucene searches at once
     */
    @Override
    public SearchPage search(SearchRequest request) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
            return cache.page(version, request, () -> uncached(searcher, version, request));
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public Matches find(CatalogQuery query, int offset, int limit) throws IOException {
        return find(queries.toLucene(query), offset, limit);
    }

    @Override
    public Hits findIds(CatalogQuery query, List<SortKey> order, int offset, int limit) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return DescribingIds.find(searcher, queries.toLucene(query), Sorting.of(order), offset, limit);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public IndexScan scan(CatalogQuery.Index index, String start, int before, int count) throws IOException {
        LuceneQueries.ScanStart from = queries.scanStart(index, start);
        IndexSearcher searcher = searchers.acquire();
        try {
            return TermScans.scan(searcher, from, before, count);
        } finally {
            searchers.release(searcher);
        }
    }

    private Matches find(Query query, int offset, int limit) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            int total = searcher.count(query);
            var records = new ArrayList<UnionRecord>();
            if (limit > 0 && offset < total) {
                ScoreDoc[] docs = searcher.search(query, offset + limit).scoreDocs;
                for (int i = offset; i < docs.length; i++) {
                    records.add(load(searcher, docs[i].doc));
                }
            }
            return new org.tongjie.query.Matches(total, records);
        } finally {
            searchers.release(searcher);
        }
    }

    private SearchPage uncached(IndexSearcher searcher, long version, SearchRequest request) {
        try {
            Query matching = UserQuery.parse(request.query(), request.fields());
            Optional<List<FacetCount>> known = cache.facets(version, request.matching());
            var result = faceted.search(searcher, ranked(matching, request.sort()), request.filters(),
                    request.page() * request.size(), Sorting.of(request), known.isEmpty());
            if (known.isEmpty()) {
                cache.putFacets(version, request.matching(), result.facets());
            }
            ScoreDoc[] top = result.top().scoreDocs;
            int from = Math.min(top.length, (request.page() - 1) * request.size());
            int[] docs = Arrays.stream(top, from, top.length).mapToInt(d -> d.doc).toArray();
            var highlights = Highlighting.of(searcher, matching, docs);
            var hits = new ArrayList<SearchHit>();
            for (int i = 0; i < docs.length; i++) {
                hits.add(SearchHit.of(load(searcher, docs[i])).withHighlights(highlights.get(i)));
            }
            return new SearchPage(result.top().totalHits.value(), request.page(), request.size(), hits,
                    known.orElse(result.facets()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryTooLargeException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        }
    }

    /** In relevance order, the widely-held prior joins the text score; it never decides what matches. */
    private Query ranked(Query matching, SortOrder sort) {
        if (sort != SortOrder.RELEVANCE || ranking.widelyHeldWeight() == 0) {
            return matching;
        }
        return new BooleanQuery.Builder()
                .add(matching, BooleanClause.Occur.MUST)
                .add(FeatureField.newSaturationQuery(FEATURES, HOLDERS, ranking.widelyHeldWeight(), ranking.widelyHeldPivot()),
                        BooleanClause.Occur.SHOULD)
                .build();
    }

    /** Up to {@code size} titles and authors starting with (or with a word starting with) what was typed. */
    @Override
    public List<Suggestion> suggest(String typed, int size) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
            return cache.suggestions(version, typed.strip(), size, () -> {
                try {
                    return Suggestions.suggest(searcher, typed, size);
                } catch (IOException e) {
                    throw new UncheckedIOException("suggesting from the index failed", e);
                }
            });
        } finally {
            searchers.release(searcher);
        }
    }

    /** Pages served from the cache since the index was opened. */
    long cachedPagesServed() {
        return cache.pageHits();
    }

    /** The union record with this id, or the one the source record with this id is in. */
    @Override
    public Optional<UnionRecord> get(String id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(ID, IndexKeys.exact(id))), 1);
            if (top.scoreDocs.length == 0) {
                top = searcher.search(new TermQuery(new Term(MEMBER, IndexKeys.exact(id))), 1);
            }
            return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(load(searcher, top.scoreDocs[0].doc));
        } finally {
            searchers.release(searcher);
        }
    }

    private static UnionRecord load(IndexSearcher searcher, int doc) throws IOException {
        return RecordJson.read(searcher.storedFields().document(doc, java.util.Set.of(RECORD))
                .getBinaryValue(RECORD).bytes);
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CatalogIndex.class).warn("background index refresh failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        searchers.close();
        writer.close();
        directory.close();
    }
}
