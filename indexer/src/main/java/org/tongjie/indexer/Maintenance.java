package org.tongjie.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.catalog.Library;
import org.tongjie.index.UnionIndex;
import org.tongjie.store.Change;
import org.tongjie.store.PublishedUnions;
import org.tongjie.store.RecordStore;

/**
 * Keeping the index in step with the store: catching up with the store's changes, bulk loads, rebuilds. Every
 * writer of the index goes through here, one at a time (this object's lock).
 */
public final class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final RecordStore store;
    private final UnionIndex index;
    private final UnionIndexer unions;
    private final PublishedUnions published;
    private final Libraries libraries;
    private final Clock clock;
    private final int syncSlice;
    /** Bulk loads under way: while there are any, uploads leave the index to the load ({@link #inBulk}). */
    private final AtomicInteger bulkLoads = new AtomicInteger();

    Maintenance(RecordStore store, UnionIndex index, Libraries libraries, Clock clock, int syncSlice, IngestLimits limits) {
        this.store = store;
        this.index = index;
        this.unions = new UnionIndexer(store, index, limits);
        this.published = store.published();
        this.libraries = libraries;
        this.clock = clock;
        this.syncSlice = syncSlice;
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

    /** Works out again the union records of these records after staff overrode how they join, and publishes them. */
    synchronized void recluster(Collection<String> recordIds) {
        try {
            unions.recluster(recordIds, libraries.byId());
            quarantineUnindexable();
            index.commit(index.committedChangeSeq());
            published.publish(clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("updating the index after a staff override failed", e);
        }
    }

    /**
     * Brings the index up to date as the catalogue opens: what a crash left staged after its index commit is
     * published, and an index of an earlier layout (or never published for OAI-PMH) is rebuilt.
     */
    synchronized void open(String where) {
        int dropped = store.dropAbandonedStaging(clock.instant().minus(java.time.Duration.ofDays(1)));
        if (dropped > 0) {
            LOG.info("dropped {} staged records of full-replace uploads abandoned more than a day ago", dropped);
        }
        published.publish(clock.instant());
        boolean neverPublished = published.earliest().isEmpty() && index.committedChangeSeq() > 0;
        if (index.hasCurrentLayout() && !neverPublished) {
            syncIndex();
        } else {
            LOG.info("the index in {} was written by an earlier version of the hub (or before union records were"
                    + " published for OAI-PMH); rebuilding it from the store", where);
            rebuildIndex();
        }
    }

    /** Union documents built since the hub opened, for the tests of {@link #inBulk}. */
    long unionDocumentsBuilt() {
        return unions.documentsBuilt();
    }

    private synchronized void catchUpInBulk() {
        if (bulkLoads.get() == 0) {
            catchUp(true);
        }
    }

    /** In bulk, every change is filed under its block keys in a first pass, then each union record is built once. */
    private void catchUp(boolean inBulk) {
        long from = index.committedChangeSeq();
        Map<String, Library> members = libraries.byId();
        try {
            if (inBulk) {
                forEachSlice(from, (changes, complete) -> {
                    unions.fileKeys(changes, members);
                    quarantineUnindexable();
                });
            }
            var built = new HashSet<String>();
            long last = forEachSlice(from, (changes, complete) -> {
                if (inBulk) {
                    unions.applyOnce(changes, members, built);
                } else {
                    unions.apply(changes, members);
                }
                quarantineUnindexable();
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

    /**
     * Moves the records the index could not take to their member's quarantine, with the reason, before the index
     * commit that leaves them out: one such record never stops the catch-up, a start or a rebuild, and is not
     * tried again.
     */
    private void quarantineUnindexable() {
        unions.drainUnindexable().forEach((recordId, reason) -> {
            LOG.warn("record {} is moved to its member's quarantine: {}", RecordLimits.shown(recordId, IngestLimits.DEFAULTS), reason);
            store.quarantineStored(recordId, reason, clock.instant());
        });
    }

    private interface SliceAction {
        /** {@code complete}: the change number up to which every change has now been given to the action. */
        void accept(List<Change> changes, long complete) throws IOException;
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
}
