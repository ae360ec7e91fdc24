package org.tongjie.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.UnionRecord;

/**
 * The Lucene index on local disk: one document per union record, keyed by its id and findable by the id of
 * each source record in it, so the union records a changed source record was in can be replaced. Each commit remembers the
 * store's change number it has caught up to, so after a crash the index resumes from there. A
 * {@link SearcherManager} is refreshed in the background every second and on demand after an ingest.
 */
public final class CatalogIndex implements AutoCloseable {
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
    static final String RECORD = "record";
    private static final String CHANGE_SEQ = "change_seq";
    private static final String LAYOUT = "layout";
    /**
     * The version of the documents' fields and analysis. Raise it whenever either changes: an index written
     * with another layout is rebuilt from the store when the hub opens it, instead of answering wrongly.
     */
    static final int CURRENT_LAYOUT = 7;

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetedSearch faceted = new FacetedSearch();
    private final ScheduledExecutorService refresher;

    private CatalogIndex(FSDirectory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "lucene-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
    }

    public static CatalogIndex open(Path dir) {
        try {
            var directory = FSDirectory.open(dir);
            var config = new IndexWriterConfig(new CatalogAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            return new CatalogIndex(directory, new IndexWriter(directory, config));
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
    public long committedChangeSeq() {
        return commitData(CHANGE_SEQ).map(Long::parseLong).orElse(0L);
    }

    /** True when the index on disk was written with the fields and analysis this version of the hub uses. */
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
        put(UnionRecord.single(record), List.of(record), Set.of());
    }

    /**
     * Indexes a union record from its source records ({@code holderKinds} are the kinds of service point
     * that hold it, for the facet). Readers search every source's titles, authors and subjects, so a book
     * catalogued in CNMARC by one library and in MARC21 by another is found by either's words.
     */
    public void put(UnionRecord union, List<BibRecord> sources, Set<LibraryKind> holderKinds) throws IOException {
        Document doc = toDocument(union, sources);
        FacetFields.addTo(doc, union, sources, holderKinds);
        writer.updateDocument(new Term(ID, union.id()), FacetFields.CONFIG.build(doc));
    }

    /** Removes the union records that any of these source records is in. */
    public void deleteMembers(Collection<String> recordIds) throws IOException {
        writer.deleteDocuments(recordIds.stream().map(id -> new Term(MEMBER, id)).toArray(Term[]::new));
    }

    /**
     * The source records that share a union record with any of these, as the index has them now
     * (uncommitted changes included): what must be rewritten when these records change.
     */
    public Set<String> coMembers(Collection<String> recordIds) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            var out = new HashSet<String>();
            var query = new TermInSetQuery(MEMBER, recordIds.stream().map(BytesRef::new).toList());
            for (ScoreDoc hit : searcher.search(query, Math.max(1, recordIds.size() * 4)).scoreDocs) {
                out.addAll(List.of(searcher.storedFields().document(hit.doc, Set.of(MEMBER)).getValues(MEMBER)));
            }
            return out;
        } finally {
            searchers.release(searcher);
        }
    }

    public void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes everything put so far durable, remembering the change number it reflects, and visible. */
    public void commit(long changeSeq) throws IOException {
        writer.setLiveCommitData(Map.of(CHANGE_SEQ, Long.toString(changeSeq),
                LAYOUT, Integer.toString(CURRENT_LAYOUT)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Field types chosen on purpose: ids exact, text analysed, the union record stored once as JSON. */
    private static Document toDocument(UnionRecord union, List<BibRecord> sources) {
        var doc = new Document();
        doc.add(new StringField(ID, union.id(), Field.Store.YES));
        doc.add(new StoredField(BEST, union.description().id()));
        for (BibRecord r : sources) {
            doc.add(new StringField(MEMBER, r.id(), Field.Store.YES));
            doc.add(new StringField(LOCAL_ID, r.localId(), Field.Store.NO));
        }
        union.libraries().forEach(l -> doc.add(new StringField(LIBRARY, l, Field.Store.NO)));
        text(doc, TITLE, sources, BibRecord::titles);
        // A volume's own title (三体 Ⅲ 死神永生) is how readers ask for that volume.
        text(doc, TITLE, sources, r -> r.volume().stream().toList());
        text(doc, AUTHOR, sources, BibRecord::authors);
        text(doc, SUBJECT, sources, BibRecord::subjects);
        text(doc, PUBLISHER, sources, r -> r.publisher().stream().toList());
        distinct(sources, BibRecord::isbns).forEach(i -> doc.add(new StringField(ISBN, i, Field.Store.NO)));
        distinct(sources, BibRecord::issns).forEach(i -> doc.add(new StringField(ISSN, i, Field.Store.NO)));
        union.description().year().ifPresent(y -> doc.add(new IntPoint(YEAR, y)));
        distinct(sources, BibRecord::titles).forEach(t -> doc.add(new StringField(TITLE_EXACT, ExactTitle.key(t), Field.Store.NO)));
        var titleReadings = new LinkedHashSet<List<String>>();
        var authorReadings = new LinkedHashSet<List<String>>();
        for (BibRecord r : sources) {
            titleReadings.addAll(titlePinyin(r));
            r.authors().stream().filter(Pinyin::hasHan).map(Pinyin::of).forEach(authorReadings::add);
        }
        addPinyin(doc, List.copyOf(titleReadings), TITLE_PINYIN, TITLE_INITIALS);
        addPinyin(doc, List.copyOf(authorReadings), AUTHOR_PINYIN, AUTHOR_INITIALS);
        distinct(sources, CatalogIndex::allText).forEach(t -> doc.add(new TextField(ALL, t, Field.Store.NO)));
        doc.add(new StoredField(RECORD, RecordJson.write(union)));
        return doc;
    }

    private static void text(Document doc, String field, List<BibRecord> sources, Function<BibRecord, List<String>> values) {
        distinct(sources, values).forEach(v -> doc.add(new TextField(field, v, Field.Store.NO)));
    }

    private static Set<String> distinct(List<BibRecord> sources, Function<BibRecord, List<String>> values) {
        var out = new LinkedHashSet<String>();
        sources.forEach(r -> out.addAll(values.apply(r)));
        return out;
    }

    /**
     * The cataloguer's pinyin of the title proper (CNMARC 200$A) where there is one, since it gets the
     * polyphones right; otherwise, and for the other titles, the generated reading.
     */
    private static List<List<String>> titlePinyin(BibRecord r) {
        var pinyin = new ArrayList<List<String>>();
        var titles = r.titles().stream().filter(Pinyin::hasHan).toList();
        for (int i = 0; i < titles.size(); i++) {
            boolean catalogued = i == 0 && r.titlePinyin().isPresent();
            pinyin.add(catalogued ? Pinyin.ofCatalogued(r.titlePinyin().get()) : Pinyin.of(titles.get(i)));
        }
        return pinyin;
    }

    private static void addPinyin(Document doc, List<List<String>> readings, String syllablesField, String initialsField) {
        for (var syllables : readings) {
            if (!syllables.isEmpty()) {
                doc.add(new TextField(syllablesField, String.join(" ", syllables), Field.Store.NO));
                doc.add(new StringField(initialsField, Pinyin.initials(syllables), Field.Store.NO));
            }
        }
    }

    private static List<String> allText(BibRecord r) {
        var all = new ArrayList<String>();
        all.addAll(r.titles());
        all.addAll(r.authors());
        all.addAll(r.subjects());
        all.addAll(r.series());
        r.publisher().ifPresent(all::add);
        all.addAll(r.isbns());
        all.addAll(r.classification().lc());
        all.addAll(r.classification().dewey());
        all.addAll(r.classification().clc());
        r.edition().ifPresent(all::add);
        return all;
    }

    public SearchPage search(String userQuery, int page, int size) throws IOException {
        return search(userQuery, Map.of(), page, size);
    }

    /** The page of hits within the selected facet values, with every dimension's counts. */
    public SearchPage search(String userQuery, Map<Facet, Set<String>> filters, int page, int size) throws IOException {
        var query = UserQuery.parse(userQuery);
        IndexSearcher searcher = searchers.acquire();
        try {
            int window = page * size;
            var result = faceted.search(searcher, query, filters, window);
            TopDocs top = result.top();
            var hits = new ArrayList<SearchHit>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = (page - 1) * size; i < docs.length; i++) {
                hits.add(SearchHit.of(load(searcher, docs[i].doc)));
            }
            return new SearchPage(top.totalHits.value(), page, size, hits, result.facets());
        } finally {
            searchers.release(searcher);
        }
    }

    /** The union records a query built outside (SRU's CQL, see org.tongjie.query) matches, from 0-based {@code offset}. */
    public org.tongjie.query.Matches find(org.apache.lucene.search.Query query, int offset, int limit) throws IOException {
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

    /** The union record with this id, or the one the source record with this id is in. */
    public Optional<UnionRecord> get(String id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                top = searcher.search(new TermQuery(new Term(MEMBER, id)), 1);
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
