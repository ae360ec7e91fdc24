package org.tongjie.indexer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.tongjie.index.UnionIndex;
import org.tongjie.search.Ranking;
import org.tongjie.store.RecordStore;
import org.tongjie.store.postgres.PostgresRecordStore;

/**
 * The union catalogue: the member directory and source records in a {@link RecordStore}, and a
 * {@link UnionIndex} of union records built from them. Records go to the store first and the index follows
 * the store's change numbers, so the index can always be rebuilt and a crash between the two loses nothing.
 * Its concerns are handed out one by one: {@link #libraries}, {@link #ingest}, {@link #quarantine},
 * {@link #search}, {@link #clusters}, {@link #feed} and {@link #maintenance}.
 */
public final class Catalog implements AutoCloseable {
    /** Changes applied per index commit: large enough to amortise the commit, small enough to bound memory. */
    static final int SYNC_SLICE = 5_000;

    private final RecordStore store;
    private final UnionIndex index;
    private final Libraries libraries;
    private final Maintenance maintenance;
    private final Ingest ingest;
    private final Quarantine quarantine;
    private final Search search;
    private final Clusters clusters;
    private final ChangeFeed feed;

    private Catalog(RecordStore store, UnionIndex index, Clock clock, int syncSlice, IngestLimits limits) {
        this.store = store;
        this.index = index;
        this.libraries = new Libraries(store);
        this.maintenance = new Maintenance(store, index, libraries, clock, syncSlice, limits);
        this.ingest = new Ingest(store, libraries, maintenance, clock, limits);
        this.quarantine = new Quarantine(store, libraries);
        this.search = new Search(index, store, libraries);
        this.clusters = new Clusters(search, store.clusters(), maintenance, clock);
        this.feed = new ChangeFeed(store.published());
    }

    /**
     * Opens the store ({@code catalog.db}) and index ({@code index/}) under the data directory.
     *
     * @throws CatalogInUseException if another process (a running hub) has them open
     */
    public static Catalog open(Path dataDir, Clock clock) {
        return open(dataDir, clock, Ranking.DEFAULT);
    }

    /** As {@link #open(Path, Clock)}, ranking relevance with these settings. */
    public static Catalog open(Path dataDir, Clock clock, Ranking ranking) {
        return open(dataDir, clock, ranking, SYNC_SLICE, IngestLimits.DEFAULTS);
    }

    /** As {@link #open(Path, Clock)}, quarantining records over these limits. */
    public static Catalog open(Path dataDir, Clock clock, IngestLimits limits) {
        return open(dataDir, clock, Ranking.DEFAULT, SYNC_SLICE, limits);
    }

    /**
     * As {@link #open(Path, Clock, IngestLimits)}, with the store on a PostgreSQL server instead of
     * {@code catalog.db}: {@code jdbc:postgresql://HOST:PORT/DATABASE}, credentials as
     * {@link PostgresRecordStore#open(String)} takes them. The index stays under the data directory.
     */
    public static Catalog open(Path dataDir, String storeUrl, Clock clock, IngestLimits limits) {
        OnDisk.refuseIfInUse(dataDir);
        return open(PostgresRecordStore.open(storeUrl), OnDisk.index(dataDir, Ranking.DEFAULT), clock, SYNC_SLICE, limits,
                dataDir.toString());
    }

    /** With another number of changes per index commit: tests take many slices from few records. */
    static Catalog open(Path dataDir, Clock clock, Ranking ranking, int syncSlice) {
        return open(dataDir, clock, ranking, syncSlice, IngestLimits.DEFAULTS);
    }

    private static Catalog open(Path dataDir, Clock clock, Ranking ranking, int syncSlice, IngestLimits limits) {
        OnDisk.refuseIfInUse(dataDir);
        return open(OnDisk.store(dataDir), OnDisk.index(dataDir, ranking), clock, syncSlice, limits, dataDir.toString());
    }

    /**
     * A catalogue over this store and index, which it closes when it is closed; the index catches up with the
     * store (or is rebuilt from it, when it was written by an earlier version) before this returns.
     */
    public static Catalog open(RecordStore store, UnionIndex index, Clock clock) {
        return open(store, index, clock, IngestLimits.DEFAULTS);
    }

    /** As {@link #open(RecordStore, UnionIndex, Clock)}, quarantining records over these limits. */
    public static Catalog open(RecordStore store, UnionIndex index, Clock clock, IngestLimits limits) {
        return open(store, index, clock, SYNC_SLICE, limits, index.getClass().getSimpleName());
    }

    private static Catalog open(RecordStore store, UnionIndex index, Clock clock, int syncSlice, IngestLimits limits,
            String where) {
        var catalog = new Catalog(store, index, clock, syncSlice, limits);
        catalog.maintenance.open(where);
        return catalog;
    }

    /** The member directory. */
    public Libraries libraries() {
        return libraries;
    }

    /** Members' files and harvested records coming in. */
    public Ingest ingest() {
        return ingest;
    }

    /** What could not be read from members' files. */
    public Quarantine quarantine() {
        return quarantine;
    }

    /** Searching and reading union and source records. */
    public Search search() {
        return search;
    }

    /** How source records join, and staff splits and merges. */
    public Clusters clusters() {
        return clusters;
    }

    /** Union records by when they last changed, for OAI-PMH. */
    public ChangeFeed feed() {
        return feed;
    }

    /** Index catch-up, bulk loads and rebuilds. */
    public Maintenance maintenance() {
        return maintenance;
    }

    /** Union documents built since the hub opened, for the tests of {@link Maintenance#inBulk}. */
    long unionDocumentsBuilt() {
        return maintenance.unionDocumentsBuilt();
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
