package org.tongjie.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongjie.testing.PoisonRecords.collection;
import static org.tongjie.testing.PoisonRecords.longText;
import static org.tongjie.testing.PoisonRecords.longWord;
import static org.tongjie.testing.PoisonRecords.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordSyntax;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.index.UnionIndex;
import org.tongjie.index.lucene.CatalogIndex;
import org.tongjie.query.CatalogQuery;
import org.tongjie.query.Hits;
import org.tongjie.query.IndexScan;
import org.tongjie.query.Matches;
import org.tongjie.query.SortKey;
import org.tongjie.search.SearchPage;
import org.tongjie.search.SearchRequest;
import org.tongjie.search.Suggestion;
import org.tongjie.store.IngestBatch;
import org.tongjie.store.sqlite.CatalogStore;
import org.tongjie.testing.PoisonRecords;

/**
 * One record must never wedge the catalogue (issue 22): records too large for the index or the hub's limits
 * are quarantined with their reason, and uploads, starts and rebuilds go on with every other record.
 */
class PoisonRecordTest {
    /** Each variant that once made Lucene refuse an "immense term" and every upload after it answer 500. */
    static final String TITLE_40KB = record("long-title", longText("Title", 40_000), "Ordinary");
    static final String ID_32KB = record(longWord(32_768), "A record with a 32 KB id", "Ordinary");
    static final String SUBJECT_100KB = record("long-subject", "A record with a huge subject", longWord(100_000));

    @TempDir
    Path dataDir;

    private Catalog open(IngestLimits limits) {
        var catalog = Catalog.open(dataDir, Clock.systemUTC(), limits);
        catalog.libraries().save(new Library("m", "成员馆", "Member", LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty()));
        return catalog;
    }

    private static IngestReport upload(Catalog catalog, byte[] file) {
        return catalog.ingest().file("m", new ByteArrayInputStream(file), "test");
    }

    private static long found(Catalog catalog, String query) {
        return catalog.search().page(query, 1, 10).total();
    }

    private static String reasonAt(IngestReport report, long position) {
        return report.problems().stream().filter(p -> p.position() == position).findFirst().orElseThrow().reason();
    }

    @Test
    void recordsOverTheLimitsAreQuarantinedWithTheirReasonAndTheRestOfTheFileIsSearchable() throws IOException {
        try (var catalog = open(IngestLimits.DEFAULTS)) {
            var report = upload(catalog, collection(record("good-1", "Ordinary first", "Ordinary"), TITLE_40KB,
                    ID_32KB, SUBJECT_100KB, record("good-2", "Ordinary second", "Ordinary")));

            assertEquals(2, report.accepted());
            assertEquals(3, report.quarantined());
            assertTrue(reasonAt(report, 2).startsWith("field 245 has "), reasonAt(report, 2));
            assertTrue(reasonAt(report, 2).contains("more than the 32,768 a field may have"), reasonAt(report, 2));
            assertTrue(reasonAt(report, 3).contains("id (its 001 or the member's identifying field) has 32,768 bytes"),
                    reasonAt(report, 3));
            assertTrue(reasonAt(report, 4).startsWith("field 650 has "), reasonAt(report, 4));
            assertTrue(report.problems().get(1).sourceId().orElseThrow().length() < 300, "a long id is shown cut");
            assertEquals(2, found(catalog, "ordinary"));

            var next = upload(catalog, collection(record("good-3", "Ordinary third", "Ordinary")));
            assertEquals(1, next.accepted());
            assertEquals(3, found(catalog, "ordinary"));
        }
        try (var catalog = open(IngestLimits.DEFAULTS)) {
            catalog.maintenance().rebuildIndex();
            assertEquals(3, found(catalog, "ordinary"));
        }
    }

    @Test
    void aTwentyMegabyteRecordIsReadNoFurtherThanTheLimitAndTheRecordsAroundItGoIn() throws IOException {
        try (var catalog = open(IngestLimits.DEFAULTS)) {
            var report = upload(catalog, PoisonRecords.withHugeRecord(20));

            assertEquals(2, report.accepted());
            assertEquals(1, report.quarantined());
            assertTrue(reasonAt(report, 2).startsWith("the record is larger than 8,388,608 bytes"), reasonAt(report, 2));
            var entry = catalog.quarantine().page("m", 1, 10).entries().getFirst();
            assertTrue(entry.bytes() <= (8 << 20) + (1 << 20), "kept no more than the limit: " + entry.bytes());
            assertEquals(1, found(catalog, "before"));
            assertEquals(1, found(catalog, "after"));
        }
    }

    /**
     * Records an earlier version stored without limits fit the index: long keys are cut and hashed, so the hub
     * starts on them and a 40 KB title is found by its whole text. The one whose id is too long is moved to the
     * quarantine as the index catches up, and a rebuild goes on.
     */
    @Test
    void recordsStoredWithoutLimitsStopNeitherAStartNorARebuild() throws IOException {
        try (var store = CatalogStore.openSqlite(dataDir.resolve("catalog.db"))) {
            store.saveLibrary(new Library("m", "成员馆", "Member", LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty()));
            var batch = store.beginBatch("m", "an earlier version", Instant.now(), IngestBatch.Mode.INCREMENTAL);
            for (var r : Map.of("good-1", record("good-1", "Ordinary first", "Ordinary"), "long-title", TITLE_40KB,
                    longWord(32_768), ID_32KB, "long-subject", SUBJECT_100KB).entrySet()) {
                batch.put(new SourceRecord("m", r.getKey(), RecordSyntax.MARCXML, collection(r.getValue()), Instant.now(), false));
            }
            batch.finish(Instant.now());
        }
        try (var catalog = open(IngestLimits.DEFAULTS)) {
            assertEquals(3, found(catalog, "ordinary OR huge"), "the hub starts on them");
            assertEquals(1, found(catalog, longText("Title", 40_000)), "a whole long title still matches exactly");
            var quarantined = catalog.quarantine().page("m", 1, 10).entries();
            assertEquals(1, quarantined.size());
            assertTrue(quarantined.getFirst().reason().contains("has 32,768 bytes, more than the 256 an id may have"),
                    quarantined.getFirst().reason());

            catalog.maintenance().rebuildIndex();
            assertEquals(3, found(catalog, "ordinary OR huge"));
            assertEquals(1, catalog.quarantine().page("m", 1, 10).total());
        }
    }

    @Test
    void aRecordTheIndexRefusesIsQuarantinedAndItsEditionMateStaysSearchable() throws IOException {
        var clock = Clock.systemUTC();
        try (var catalog = Catalog.open(CatalogStore.openSqlite(dataDir.resolve("catalog.db")),
                new Refusing(CatalogIndex.open(dataDir.resolve("index"))), clock)) {
            catalog.libraries().save(new Library("m", "成员馆", "Member", LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty()));
            var report = upload(catalog, collection(
                    record("mate", "Shared edition", "Ordinary", "9787536692930"),
                    record("refused", "Shared edition REFUSED", "Ordinary", "9787536692930"),
                    record("other", "Another book", "Ordinary")));

            assertEquals(1, report.problems().size());
            assertEquals(Optional.of("refused"), report.problems().getFirst().sourceId());
            assertTrue(report.problems().getFirst().reason().startsWith("the search index refused the record: immense"),
                    report.problems().getFirst().reason());
            assertEquals(2, found(catalog, "ordinary"));
            assertEquals(1, found(catalog, "shared"));
            assertTrue(catalog.search().sourceRecord("m:refused").isEmpty(), "moved out of the source records");

            catalog.maintenance().rebuildIndex();
            assertEquals(2, found(catalog, "ordinary"));
        }
    }

    /** Lucene as it would refuse a record no limit caught: any union record with a source titled "...REFUSED". */
    private record Refusing(CatalogIndex index) implements UnionIndex {
        @Override
        public void put(UnionRecord union, List<BibRecord> sources, Map<String, Library> directory) throws IOException {
            if (sources.stream().anyMatch(s -> s.titles().stream().anyMatch(t -> t.contains("REFUSED")))) {
                throw new IllegalArgumentException("immense term (a test's refusal)");
            }
            index.put(union, sources, directory);
        }

        @Override
        public long committedChangeSeq() {
            return index.committedChangeSeq();
        }

        @Override
        public boolean hasCurrentLayout() {
            return index.hasCurrentLayout();
        }

        @Override
        public void deleteMembers(Collection<String> recordIds) throws IOException {
            index.deleteMembers(recordIds);
        }

        @Override
        public Set<String> coMembers(Collection<String> recordIds) throws IOException {
            return index.coMembers(recordIds);
        }

        @Override
        public void deleteAll() throws IOException {
            index.deleteAll();
        }

        @Override
        public void commit(long changeSeq) throws IOException {
            index.commit(changeSeq);
        }

        @Override
        public SearchPage search(SearchRequest request) throws IOException {
            return index.search(request);
        }

        @Override
        public List<Suggestion> suggest(String typed, int size) throws IOException {
            return index.suggest(typed, size);
        }

        @Override
        public Optional<UnionRecord> get(String id) throws IOException {
            return index.get(id);
        }

        @Override
        public Matches find(CatalogQuery query, int offset, int limit) throws IOException {
            return index.find(query, offset, limit);
        }

        @Override
        public Hits findIds(CatalogQuery query, List<SortKey> order, int offset, int limit)
                throws IOException {
            return index.findIds(query, order, offset, limit);
        }

        @Override
        public IndexScan scan(CatalogQuery.Index field, String start, int before, int count)
                throws IOException {
            return index.scan(field, start, before, count);
        }

        @Override
        public void close() throws IOException {
            index.close();
        }
    }
}
