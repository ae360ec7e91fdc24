package org.tongjie.indexer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.dedup.Candidate;
import org.tongjie.dedup.Cluster;
import org.tongjie.catalog.ClusterOverride;
import org.tongjie.dedup.Clusterer;
import org.tongjie.index.UnionIndex;
import org.tongjie.marc.Normalizer;
import org.tongjie.store.Change;
import org.tongjie.store.ClusterTables;
import org.tongjie.store.PublishedUnions;
import org.tongjie.store.RecordStore;

/**
 * Turns a run of source-record changes into union records. Only the clusters the changes touch are
 * worked out again: the changed records, every record sharing a block key with them (by their old keys
 * and their new ones), their cluster mates, the records a staff override ties to them, and so on until
 * nothing new joins. Clustering is a function of those records alone, so the result is what clustering
 * the whole catalogue would give. The store's cluster tables are saved before the index is written; if
 * the hub stops in between, the same changes are applied again and the index's own view of which records
 * shared a union record finds what must be rewritten.
 */
final class UnionIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(UnionIndexer.class);
    /**
     * A block key more records share than this is shared by unrelated records (a common title with a common
     * name): the closure does not follow it rather than recluster half the catalogue for one change. The
     * limit is per key: an earlier limit on the whole closure of a slice of changes cut off the closure of
     * every record in a slice of thousands that joined existing union records, and left them on their own
     * (the regional-corpus benchmark found 8,000 such records in 100,000).
     */
    static final int MAX_BLOCK = 1_000;

    private final RecordStore store;
    private final ClusterTables tables;
    private final PublishedUnions published;
    private final UnionIndex index;
    /** Normalised records by id and change number: reclustering a block reads its unchanged records again. */
    private final Cache<String, Optional<Candidate>> prepared = Caffeine.newBuilder().maximumSize(20_000).build();
    private final LongAdder documentsBuilt = new LongAdder();
    private final IngestLimits limits;
    /** Records found unindexable since {@link #drainUnindexable} was last called, with the reason. */
    private final Map<String, String> unindexable = new ConcurrentHashMap<>();

    UnionIndexer(RecordStore store, UnionIndex index, IngestLimits limits) {
        this.store = store;
        this.tables = store.clusters();
        this.published = store.published();
        this.index = index;
        this.limits = limits;
    }

    /**
     * The records (by id, with the reason) that could not be made searchable since the last call: their id is
     * longer than the limit, they do not normalise, or the index refused them. They are left out of every union
     * record; the caller quarantines them so they are not tried again.
     */
    Map<String, String> drainUnindexable() {
        var out = new HashMap<String, String>();
        for (String id : List.copyOf(unindexable.keySet())) {
            out.put(id, unindexable.remove(id));
        }
        return out;
    }

    /** Applies changes to the index (not yet committed) and the cluster tables. */
    void apply(List<Change> changes, Map<String, Library> members) throws IOException {
        applyOnce(changes, members, new HashSet<>());
    }

    /** Files changed records under their block keys without clustering them: the first pass of {@link #applyOnce}. */
    void fileKeys(List<Change> changes, Map<String, Library> members) {
        tables.save(keysOf(prepareAll(changes, members)), List.of(), List.of());
    }

    /**
     * As {@link #apply}, for a long run of changes whose records {@link #fileKeys} has filed first: a
     * change's closure then holds every copy of its edition however late in the run the copy comes, so
     * each union record is built once. Change by change, an edition k members hold is built k times, once
     * more as each copy arrives. A change an earlier closure took in ({@code built}) is skipped.
     */
    void applyOnce(List<Change> changes, Map<String, Library> members, Set<String> built) throws IOException {
        var fresh = changes.stream().filter(c -> !built.contains(c.record().recordId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        var changed = prepareAll(fresh, members);
        var newKeys = keysOf(changed);
        Set<String> affected = closure(newKeys.keySet(), newKeys);
        recluster(changed, newKeys, affected, members);
        built.addAll(affected);
    }

    /** Union documents built since the hub opened: what {@link #applyOnce} saves is measured by it. */
    long documentsBuilt() {
        return documentsBuilt.sum();
    }

    /** Parsing, mapping and match keys of each record are independent: spread over the cores. */
    private Map<String, Optional<Candidate>> prepareAll(List<Change> changes, Map<String, Library> members) {
        return changes.parallelStream().collect(Collectors.toMap(
                c -> c.record().recordId(), c -> prepare(c, members), (a, b) -> b));
    }

    private static Map<String, Set<String>> keysOf(Map<String, Optional<Candidate>> changed) {
        return changed.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().map(Candidate::blockKeys).orElse(Set.of())));
    }

    /** Works out again the clusters of these unchanged records, after staff overrode how they join. */
    void recluster(Collection<String> recordIds, Map<String, Library> members) throws IOException {
        recluster(Map.of(), Map.of(), closure(recordIds, Map.of()), members);
    }

    private void recluster(Map<String, Optional<Candidate>> changed, Map<String, Set<String>> newKeys,
            Set<String> affected, Map<String, Library> members) throws IOException {
        var unchanged = affected.stream().filter(id -> !changed.containsKey(id)).toList();
        var candidates = new ArrayList<Candidate>(store.current(unchanged).parallelStream()
                .flatMap(current -> prepare(current, members).stream()).toList());
        changed.values().forEach(c -> c.ifPresent(candidates::add));
        var overrides = tables.overridesOf(affected);
        List<Cluster> clusters = Clusterer.cluster(candidates, overrides);
        index.deleteMembers(affected);
        Map<String, BibRecord> records = candidates.stream().collect(Collectors.toMap(Candidate::recordId, Candidate::record));
        // Lucene's writer takes documents from several threads at once; building a union record's document
        // (analysis, 繁→简, pinyin) is most of an ingest's time, so each core builds its own.
        var refused = new ConcurrentHashMap<Cluster, RuntimeException>();
        var unions = new ArrayList<UnionRecord>(putAll(clusters, records, members, refused));
        var saved = new ArrayList<>(clusters);
        if (!refused.isEmpty()) {
            saved.removeAll(refused.keySet());
            var rest = withoutRefusedRecords(refused, candidates, records, members);
            var again = Clusterer.cluster(rest, overrides);
            var refusedAgain = new ConcurrentHashMap<Cluster, RuntimeException>();
            unions.addAll(putAll(again, records, members, refusedAgain));
            // Records the index took alone but not together: each becomes its own union record.
            for (Cluster together : refusedAgain.keySet()) {
                for (String id : together.recordIds()) {
                    var single = new Cluster(id, List.of(new Cluster.Member(id, Optional.empty(), Optional.empty())));
                    var alone = new ConcurrentHashMap<Cluster, RuntimeException>();
                    unions.addAll(putAll(List.of(single), records, members, alone));
                    if (alone.isEmpty()) {
                        saved.add(single);
                    } else {
                        unindexable.put(id, "the search index refused the record: " + alone.get(single).getMessage());
                    }
                }
            }
            again.stream().filter(c -> !refusedAgain.containsKey(c)).forEach(saved::add);
        }
        // The tables before the index commit (Maintenance commits after this), as before: a crash in between
        // replays the changes.
        tables.save(newKeys, affected, saved);
        published.stage(affected, unions);
    }

    /** Puts each cluster's union record; the clusters the index refuses are collected with the reason, not thrown. */
    private List<UnionRecord> putAll(List<Cluster> clusters, Map<String, BibRecord> records, Map<String, Library> members,
            Map<Cluster, RuntimeException> refused) throws IOException {
        try {
            return clusters.parallelStream().flatMap(cluster -> {
                try {
                    return Stream.of(put(cluster, records, members));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    refused.put(cluster, e);
                    return Stream.empty();
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Finds which records of the refused clusters the index refuses on their own (each tried as a union record
     * of its own, then removed again), marks them unindexable, and returns the other records' candidates.
     */
    private List<Candidate> withoutRefusedRecords(Map<Cluster, RuntimeException> refused, List<Candidate> candidates,
            Map<String, BibRecord> records, Map<String, Library> members) throws IOException {
        var tried = new ArrayList<String>();
        for (var e : refused.entrySet()) {
            LOG.warn("union record {} could not be indexed ({}); trying its records one by one", e.getKey().id(),
                    e.getValue().getMessage());
            for (String id : e.getKey().recordIds()) {
                try {
                    index.put(UnionRecord.single(records.get(id)), List.of(records.get(id)), members);
                    tried.add(id);
                } catch (RuntimeException alone) {
                    unindexable.put(id, "the search index refused the record: " + alone.getMessage());
                }
            }
        }
        index.deleteMembers(tried);
        var inRefused = refused.keySet().stream().flatMap(c -> c.recordIds().stream()).collect(Collectors.toSet());
        return candidates.stream().filter(c -> inRefused.contains(c.recordId()) && !unindexable.containsKey(c.recordId()))
                .toList();
    }

    private Set<String> closure(Collection<String> start, Map<String, Set<String>> newKeys) throws IOException {
        var affected = new HashSet<>(start);
        var seenKeys = new HashSet<String>();
        Collection<String> frontier = List.copyOf(affected);
        while (!frontier.isEmpty()) {
            var keys = new HashSet<String>();
            tables.keysOf(frontier).values().forEach(keys::addAll);
            frontier.stream().filter(newKeys::containsKey).forEach(id -> keys.addAll(newKeys.get(id)));
            keys.removeAll(seenKeys);
            seenKeys.addAll(keys);
            var block = tables.recordsUnder(keys, MAX_BLOCK);
            if (!block.oversizedKeys().isEmpty()) {
                LOG.warn("block keys shared by more than {} records are not followed: {}", MAX_BLOCK,
                        block.oversizedKeys().stream().sorted().limit(3).toList());
            }
            var neighbours = new HashSet<>(block.records());
            neighbours.addAll(tables.clusterMates(frontier));
            neighbours.addAll(index.coMembers(frontier));
            for (ClusterOverride o : tables.overridesOf(frontier)) {
                neighbours.add(o.recordA());
                neighbours.add(o.recordB());
            }
            neighbours.removeAll(affected);
            affected.addAll(neighbours);
            frontier = neighbours;
        }
        return affected;
    }

    private Optional<Candidate> prepare(Change change, Map<String, Library> members) {
        var record = change.record();
        if (record.deleted()) {
            return Optional.empty();
        }
        var longId = RecordLimits.oversizedId(record.localId(), limits);
        if (longId.isPresent()) {
            unindexable.put(record.recordId(), longId.get());
            return Optional.empty();
        }
        return prepared.get(record.recordId() + "@" + change.seq(), key -> {
            try {
                var member = Optional.ofNullable(members.get(record.libraryId()));
                return Optional.of(Candidate.of(Normalizer.normalize(record, member.flatMap(Library::holdingsMapping))));
            } catch (RuntimeException e) {
                LOG.error("record {} of {} (local id {}) could not be indexed and is left out of search: {}",
                        record.recordId(), record.libraryId(), record.localId(), e.getMessage(), e);
                unindexable.put(record.recordId(), "the record could not be read for the index: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    private UnionRecord put(Cluster cluster, Map<String, BibRecord> records, Map<String, Library> members) throws IOException {
        var joined = cluster.members().stream()
                .map(m -> new UnionRecord.Joined(records.get(m.recordId()), m.rule(), m.matchedWith())).toList();
        var union = UnionRecord.of(cluster.id(), joined);
        index.put(union, joined.stream().map(UnionRecord.Joined::record).toList(), members);
        documentsBuilt.increment();
        return union;
    }

    /** Forgets the derived cluster tables, for a rebuild of the index from the store. */
    void clear() {
        tables.clearDerived();
        prepared.invalidateAll();
    }
}
