package org.tongjie.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.catalog.HarvestState;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.dedup.ClusterOverride;
import org.tongjie.index.lucene.CatalogIndex;
import org.tongjie.search.Facet;
import org.tongjie.search.Ranking;
import org.tongjie.search.SearchPage;
import org.tongjie.search.SearchRequest;
import org.tongjie.search.Suggestion;
import org.tongjie.marc.MarcSource;
import org.tongjie.query.CatalogQuery;
import org.tongjie.index.lucene.LuceneQueries;
import org.tongjie.query.Matches;
import org.tongjie.store.sqlite.CatalogStore;
import org.tongjie.store.HarvestRun;
import org.tongjie.store.sqlite.IngestBatch;
import org.tongjie.store.sqlite.PublishedUnions;
import org.tongjie.store.QuarantinedRecord;

/**
 * The union catalogue on one machine: the member directory and source records in an embedded database,
 * and a Lucene index built from them. Records go to the store first and the index follows the store's
 * change numbers, so the index can always be rebuilt and a crash between the two loses nothing.
 */
public final class Catalog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

    private final CatalogStore store;
    private final CatalogIndex index;
    private final Clock clock;
    private final UnionIndexer unions;
    private final PublishedUnions published;
    private final LuceneQueries queries = new LuceneQueries();
    /** Changes applied per index commit: large enough to amortise the commit, small enough to bound memory. */
    static final int SYNC_SLICE = 5_000;
    /**
     * The member directory, read once: searches label facets with it and every upload checks it, and
     * it changes only through {@link #saveLibrary}, so it is kept here rather than read per request.
     */
    private volatile Map<String, Library> directory;
    /** Bulk loads under way: while there are any, uploads leave the index to the load ({@link #inBulk}). */
    private final AtomicInteger bulkLoads = new AtomicInteger();
    private final int syncSlice;

    private Catalog(CatalogStore store, CatalogIndex index, Clock clock, int syncSlice) {
        this.store = store;
        this.syncSlice = syncSlice;
        this.index = index;
        this.clock = clock;
        this.unions = new UnionIndexer(store, index);
        this.published = store.published();
        this.directory = store.libraries().stream().collect(Collectors.collectingAndThen(
                Collectors.toMap(Library::id, l -> l, (a, b) -> a, TreeMap::new), Collections::unmodifiableMap));
    }

    /** Opens the store ({@code catalog.db}) and index ({@code index/}) under the data directory. */
    public static Catalog open(Path dataDir, Clock clock) {
        return open(dataDir, clock, Ranking.DEFAULT);
    }

    /** As {@link #open(Path, Clock)}, ranking relevance with these settings. */
    public static Catalog open(Path dataDir, Clock clock, Ranking ranking) {
        return open(dataDir, clock, ranking, SYNC_SLICE);
    }

    /** With another number of changes per index commit: tests take many slices from few records. */
    static Catalog open(Path dataDir, Clock clock, Ranking ranking, int syncSlice) {
        var catalog = new Catalog(CatalogStore.openSqlite(dataDir.resolve("catalog.db")),
                CatalogIndex.open(dataDir.resolve("index"), ranking), clock, syncSlice);
        int dropped = catalog.store.dropAbandonedStaging(clock.instant().minus(java.time.Duration.ofDays(1)));
        if (dropped > 0) {
            LOG.info("dropped {} staged records of full-replace uploads abandoned more than a day ago", dropped);
        }
        catalog.published.publish(clock.instant()); // what a crash left staged after its index commit
        boolean neverPublished = catalog.published.earliest().isEmpty() && catalog.index.committedChangeSeq() > 0;
        if (catalog.index.hasCurrentLayout() && !neverPublished) {
            catalog.syncIndex();
        } else {
            LOG.info("the index in {} was written by an earlier version of the hub (or before union records were"
                    + " published for OAI-PMH); rebuilding it from the store", dataDir);
            catalog.rebuildIndex();
        }
        return catalog;
    }

    public List<Library> libraries() {
        return List.copyOf(directory.values());
    }

    public Optional<Library> library(String id) {
        return Optional.ofNullable(directory.get(id));
    }

    public synchronized void saveLibrary(Library library) {
        store.saveLibrary(library);
        directory = withMember(directory, library);
    }

    private static Map<String, Library> withMember(Map<String, Library> directory, Library library) {
        var updated = new TreeMap<>(directory);
        updated.put(library.id(), library);
        return Collections.unmodifiableMap(updated);
    }

    /**
     * Reads a MARC file (ISO 2709 or MARCXML, told from the content) for a member and stores every record
     * it can read; the rest are quarantined with their reasons. Returns once the records are searchable.
     *
     * @throws UnknownLibraryException if the member is not in the directory
     * @throws MarcSource.NotMarcException if the stream is neither ISO 2709 nor XML
     */
    public IngestReport ingest(String libraryId, InputStream in, String origin) {
        return ingest(libraryId, in, origin, IngestBatch.Mode.INCREMENTAL);
    }

    /**
     * As {@link #ingest(String, InputStream, String)}; with {@link IngestBatch.Mode#FULL_REPLACE} the file is all
     * the member holds: its records not in the file are deleted, all at once when the file has been read
     * whole, and a file cut off part-way changes nothing.
     *
     * @throws IngestBatch.EmptyReplacementException when a full replace holds no readable record
     */
    public IngestReport ingest(String libraryId, InputStream in, String origin, IngestBatch.Mode mode) {
        try (var source = MarcSource.open(in); var batch = openBatch(libraryId, origin, mode)) {
            while (source.hasNext()) {
                batch.add(source.next());
            }
            return batch.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A batch to put records into one at a time, as a harvest does. */
    public RecordBatch openBatch(String libraryId, String origin) {
        return openBatch(libraryId, origin, IngestBatch.Mode.INCREMENTAL);
    }

    /** A batch that adds to the member's records, or (full replace) replaces them all when it finishes. */
    public RecordBatch openBatch(String libraryId, String origin, IngestBatch.Mode mode) {
        requireLibrary(libraryId);
        return new RecordBatch(this, store.beginBatch(libraryId, origin, clock.instant(), mode), libraryId, clock);
    }

    /** The member's unfinished batch again (a harvest resumed from its checkpoint), if it is still unfinished. */
    public Optional<RecordBatch> resumeBatch(String libraryId, long batchId) {
        requireLibrary(libraryId);
        return store.resumeBatch(libraryId, batchId).map(b -> new RecordBatch(this, b, libraryId, clock));
    }

    IngestReport report(String libraryId, long batchId, IngestBatch.Counts counts) {
        var problems = store.quarantine(libraryId, batchId).stream()
                .map(q -> new IngestReport.Problem(q.position(), q.sourceId(), q.reason()))
                .toList();
        return new IngestReport(batchId, libraryId, counts.accepted(), counts.updated(), counts.unchanged(),
                counts.deleted(), counts.quarantined(), problems);
    }

    public HarvestState harvestState(String libraryId) {
        return store.harvestState(libraryId);
    }

    public void saveHarvestState(String libraryId, HarvestState state) {
        store.saveHarvestState(libraryId, state, clock.instant());
    }

    /** The run log (table {@code harvest_runs}): a run starts RUNNING and ends with its counts. */
    public long startRun(String libraryId, String kind, String trigger) {
        requireLibrary(libraryId);
        return store.startRun(libraryId, kind, trigger, clock.instant());
    }

    public void runProgress(long runId, long pages, long records) {
        store.runProgress(runId, pages, records, clock.instant());
    }

    public void finishRun(long runId, HarvestRun.Status status, IngestBatch.Counts counts, Optional<String> error) {
        store.finishRun(runId, status, counts, error, clock.instant());
    }

    /** A member's runs, newest first. */
    public List<HarvestRun> runs(String libraryId, int limit) {
        requireLibrary(libraryId);
        return store.runs(libraryId, limit);
    }

    public Optional<HarvestRun> run(long runId) {
        return store.run(runId);
    }

    /** Runs left RUNNING by a process that is gone, now marked INTERRUPTED. */
    public List<HarvestRun> interruptRunning() {
        return store.interruptRunning(clock.instant());
    }

    /** What could not be read from a member's files, newest batch first. */
    public QuarantinePage quarantine(String libraryId, int page, int size) {
        requireLibrary(libraryId);
        var entries = store.quarantine(libraryId, (page - 1) * size, size).stream()
                .map(q -> new QuarantineEntry(q.id(), q.batchId(), q.position(), q.sourceId(), q.reason(), q.raw().length,
                        q.receivedAt()))
                .toList();
        return new QuarantinePage(store.quarantineCount(libraryId), page, size, entries);
    }

    /** The bytes of a quarantined record exactly as the member sent them. */
    public Optional<byte[]> quarantinedBytes(String libraryId, long entryId) {
        requireLibrary(libraryId);
        return store.quarantined(libraryId, entryId).map(QuarantinedRecord::raw);
    }

    private void requireLibrary(String libraryId) {
        if (!directory.containsKey(libraryId)) {
            throw new UnknownLibraryException(libraryId);
        }
    }

    public SearchPage search(String query, int page, int size) {
        return search(query, Map.of(), page, size);
    }

    /** Hits within the selected facet values (OR within a dimension, AND across), with facet counts. */
    public SearchPage search(String query, Map<Facet, Set<String>> filters, int page, int size) {
        return search(SearchRequest.of(query, filters, page, size));
    }

    /**
     * A search as {@link SearchRequest} describes it; each hit's holdings summed up per library, named from
     * the directory and nearest first from the request's position (pages are cached by the index, which
     * refreshes them with its searcher; the directory is applied afresh to each answer).
     *
     * @throws org.tongjie.search.QueryTooLargeException when the query has too many parts to search
     */
    public SearchPage search(SearchRequest request) {
        try {
            SearchPage page = index.search(request);
            Map<String, Library> members = directory;
            return new SearchPage(page.total(), page.page(), page.size(),
                    page.hits().stream().map(h -> h.withLibraries(members, request.near())).toList(), page.facets());
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        }
    }

    /** Titles and authors for what a reader has typed so far, in characters or pinyin. */
    public List<Suggestion> suggest(String typed, int size) {
        try {
            return index.suggest(typed, size);
        } catch (IOException e) {
            throw new UncheckedIOException("suggesting from the index failed", e);
        }
    }

    /** The union record with this id, or the one the source record with this id is in. */
    public Optional<UnionRecord> record(String id) {
        try {
            return index.get(id);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the index failed", e);
        }
    }

    /** The union records a query of the SRU or Z39.50 kind matches, best first, from 0-based {@code offset}. */
    public Matches find(CatalogQuery query, int offset, int limit) {
        try {
            return index.find(queries.toLucene(query), offset, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed for " + query, e);
        }
    }

    /**
     * Union records by when they last changed, tombstones included: what the OAI-PMH provider serves. A
     * datestamp is given once the index shows the change.
     */
    public PublishedUnions published() {
        return published;
    }

    /** A source record exactly as its member sent it (deleted ones too, flagged). */
    public Optional<SourceRecord> sourceRecord(String recordId) {
        return store.sourceRecord(recordId);
    }

    /** Which source records joined a union record and by which rule, with the staff overrides among them. */
    public Optional<ClusterView> cluster(String id) {
        return record(id).map(u -> new ClusterView(u.id(), u.description().id(), u.members(),
                store.clusters().overridesOf(memberIds(u))));
    }

    /**
     * Takes source records out of a union record into one of their own, for good: a SPLIT override between
     * each of them and each record staying, so no rule joins them again after a re-harvest. Returns the
     * union records the former members are now in.
     *
     * @throws IllegalArgumentException if a record is not a member, or all of them would leave
     */
    public synchronized List<String> split(String unionId, List<String> leaving, String actor, String reason) {
        UnionRecord union = record(unionId).orElseThrow(() -> new UnknownRecordException(unionId));
        List<String> all = memberIds(union);
        var outsiders = leaving.stream().filter(id -> !all.contains(id)).toList();
        if (leaving.isEmpty() || !outsiders.isEmpty() || Set.copyOf(leaving).size() == all.size()) {
            throw new IllegalArgumentException(leaving.isEmpty() ? "name the source records to split off"
                    : !outsiders.isEmpty() ? "not members of union record " + union.id() + ": " + outsiders
                    : "a split must leave at least one source record in union record " + union.id());
        }
        var overrides = new ArrayList<ClusterOverride>();
        Instant now = clock.instant();
        for (String out : Set.copyOf(leaving)) {
            all.stream().filter(id -> !leaving.contains(id))
                    .forEach(stay -> overrides.add(new ClusterOverride(out, stay, ClusterOverride.Kind.SPLIT, actor, reason, now)));
        }
        overrides.addAll(chain(List.copyOf(Set.copyOf(leaving)), actor, reason, now));
        return override(overrides, all);
    }

    /**
     * Joins two union records into one, for good: MERGE overrides tie all their source records together,
     * whatever vetoes the matcher finds. Returns the id of the merged union record.
     */
    public synchronized String merge(String unionId, String otherId, String actor, String reason) {
        UnionRecord a = record(unionId).orElseThrow(() -> new UnknownRecordException(unionId));
        UnionRecord b = record(otherId).orElseThrow(() -> new UnknownRecordException(otherId));
        if (a.id().equals(b.id())) {
            throw new IllegalArgumentException(unionId + " and " + otherId + " are already one union record, " + a.id());
        }
        var all = new ArrayList<>(memberIds(a));
        all.addAll(memberIds(b));
        return override(chain(all, actor, reason, clock.instant()), all).getFirst();
    }

    private static List<ClusterOverride> chain(List<String> ids, String actor, String reason, Instant at) {
        var links = new ArrayList<ClusterOverride>();
        for (int i = 1; i < ids.size(); i++) {
            links.add(new ClusterOverride(ids.get(i - 1), ids.get(i), ClusterOverride.Kind.MERGE, actor, reason, at));
        }
        return links;
    }

    private List<String> override(List<ClusterOverride> overrides, List<String> records) {
        store.clusters().saveOverrides(overrides);
        try {
            unions.recluster(records, directory);
            index.commit(index.committedChangeSeq());
            published.publish(clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("updating the index after a staff override failed", e);
        }
        return records.stream().map(id -> store.clusters().clusterOf(id).orElseThrow()).distinct().toList();
    }

    private static List<String> memberIds(UnionRecord u) {
        return u.members().stream().map(UnionRecord.Member::recordId).toList();
    }

    /**
     * Drops the index and builds it again from every stored source record, each union record once
     * ({@link UnionIndexer#applyOnce}).
     */
    public synchronized void rebuildIndex() {
        try {
            unions.clear();
            index.deleteAll();
            index.commit(0);
        } catch (IOException e) {
            throw new UncheckedIOException("clearing the index failed", e);
        }
        catchUpInBulk();
    }

    /**
     * Runs {@code loads} (ingests of whole member files: a region's first load) with the index left behind,
     * then builds the union records of everything they stored at once. Built as each file arrives, an
     * edition that k members hold would be built k times; here each union record is built once. Searches
     * see the new records when the whole load is indexed; if a load fails, what it stored before is
     * indexed all the same. For loads while nothing else writes (the command line, the benches): a record
     * changed by another upload during the build, after its union record was built, would wait for its
     * next change to be indexed again.
     */
    public <T> T inBulk(Supplier<T> loads) {
        bulkLoads.incrementAndGet();
        try {
            return loads.get();
        } finally {
            bulkLoads.decrementAndGet();
            catchUpInBulk();
        }
    }

    /**
     * Brings the index up to the store's latest change, a slice of changes per commit; during a bulk load
     * ({@link #inBulk}) the load brings it up at its end instead.
     */
    public synchronized void syncIndex() {
        if (bulkLoads.get() > 0) {
            return;
        }
        catchUp(false);
    }

    private synchronized void catchUpInBulk() {
        if (bulkLoads.get() == 0) {
            catchUp(true);
        }
    }

    /** In bulk, every change is filed under its block keys in a first pass, then each union record is built once. */
    private void catchUp(boolean inBulk) {
        long from = index.committedChangeSeq();
        Map<String, Library> members = directory;
        try {
            if (inBulk) {
                forEachSlice(from, (changes, complete) -> unions.fileKeys(changes, members));
            }
            var built = new HashSet<String>();
            long last = forEachSlice(from, (changes, complete) -> {
                if (inBulk) {
                    unions.applyOnce(changes, members, built);
                } else {
                    unions.apply(changes, members);
                }
                index.commit(complete);
                published.publish(clock.instant());
            });
            if (last > from) {
                LOG.info("index caught up{}: changes {} to {} applied", inBulk ? " in bulk" : "", from + 1, last);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("updating the index failed", e);
        }
    }

    private interface SliceAction {
        /** {@code complete}: the change number up to which every change has now been given to the action. */
        void accept(List<CatalogStore.Change> changes, long complete) throws IOException;
    }

    /**
     * Runs the action on each slice of changes after {@code from}; the last change number seen. A slice can
     * end inside a change number's records (a full replace gives them all one), and then only the number
     * before it is complete: an index committed there takes up the whole number again after a crash.
     */
    private long forEachSlice(long from, SliceAction action) throws IOException {
        long last = from;
        var changes = store.changesSince(from, syncSlice);
        while (!changes.isEmpty()) {
            var next = store.changesAfter(changes.getLast(), syncSlice);
            last = changes.getLast().seq();
            boolean ended = next.isEmpty() || next.getFirst().seq() > last;
            action.accept(changes, ended ? last : last - 1);
            changes = next;
        }
        return last;
    }

    /** Union documents built since the hub opened, for the tests of {@link #inBulk}. */
    long unionDocumentsBuilt() {
        return unions.documentsBuilt();
    }

    @Override
    public void close() throws IOException {
        try {
            index.close();
        } finally {
            store.close();
        }
    }
}
