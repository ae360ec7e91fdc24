package org.tongjie.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.testing.Searches;
import org.tongjie.testing.SharedData;

class CatalogTest {
    static final String KOHA = "koha-misc4dev/koha-sample-marc21-with-952-items.mrc";

    @TempDir
    Path dataDir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dataDir, Clock.systemUTC());
        catalog.libraries().save(new Library("koha-demo", "科哈示范馆", "Koha demo library", LibraryKind.CENTRAL,
                Optional.empty(), "", Optional.empty()).withRecordIdentity(RecordIdentity.KOHA_BIBLIONUMBER));
    }

    @AfterEach
    void close() throws IOException {
        catalog.close();
    }

    IngestReport ingest(String file) throws IOException {
        try (InputStream in = Files.newInputStream(SharedData.file(file))) {
            return catalog.ingest().file("koha-demo", in, "test");
        }
    }

    @Test
    void aKohaExportIsStoredIndexedAndSearchableWithItsItems() throws IOException {
        var report = ingest(KOHA);

        assertEquals(435, report.accepted() + report.quarantined());
        assertEquals(report.accepted(), Searches.sourceRecords(catalog));
        var withItems = catalog.search().page("", 1, 500).hits().stream().filter(h -> !h.holdings().isEmpty()).count();
        assertTrue(withItems > 300, "most Koha records carry 952 items, found " + withItems);
    }

    @Test
    void sendingTheSameFileAgainChangesNothing() throws IOException {
        var first = ingest(KOHA);
        var again = ingest(KOHA);

        assertEquals(0, again.accepted());
        assertEquals(0, again.updated());
        assertEquals(first.accepted(), again.unchanged());
        assertEquals(first.accepted(), Searches.sourceRecords(catalog));
    }

    @Test
    void theIndexRebuiltFromTheStoreAnswersAsBefore() throws IOException {
        ingest(KOHA);
        long before = catalog.search().page("history", 1, 1).total();
        assertTrue(before > 0);

        catalog.maintenance().rebuildIndex();

        assertEquals(before, catalog.search().page("history", 1, 1).total());
    }

    @Test
    void theIndexCatchesUpWithTheStoreWhenReopened() throws IOException {
        var report = ingest(KOHA);
        catalog.close();
        catalog = Catalog.open(dataDir, Clock.systemUTC());

        assertEquals(report.accepted(), Searches.sourceRecords(catalog));
    }

    @Test
    void anUnknownLibraryIsRefused() {
        assertThrows(UnknownLibraryException.class,
                () -> catalog.ingest().file("nowhere", new ByteArrayInputStream(new byte[] {'<'}), "test"));
    }

    @Test
    void authorityRecordsAreQuarantinedNotIndexedAsBooks() throws IOException {
        var report = ingest("idzebra-examples/marcxml/collection-namemrc.xml");

        assertEquals(0, report.accepted());
        assertTrue(report.quarantined() > 0);
        assertTrue(report.problems().getFirst().reason().startsWith("not a bibliographic record"));
        assertFalse(report.problems().getFirst().sourceId().isEmpty(), "the quarantine names the record's 001");
    }

    /** A member's connection drops mid-file: the whole records before the break are kept and searchable. */
    @Test
    void anUploadCutOffMidStreamKeepsTheWholeRecordsItRead() throws IOException {
        byte[] file = Files.readAllBytes(SharedData.file(KOHA));
        var dropsHalfWay = new FilterInputStream(new ByteArrayInputStream(file)) {
            int sent;

            @Override
            public int read() throws IOException {
                if (++sent > file.length / 2) {
                    throw new IOException("connection reset by peer");
                }
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = 0;
                for (; n < len; n++) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n] = (byte) c;
                }
                return n;
            }
        };

        assertThrows(UncheckedIOException.class, () -> catalog.ingest().file("koha-demo", dropsHalfWay, "test"));

        long kept = Searches.sourceRecords(catalog);
        assertTrue(kept > 100 && kept < 435, "about half the records were read whole before the break: " + kept);
        var resent = ingest(KOHA);
        assertEquals(kept, resent.unchanged(), "sending the file again completes it");
        assertEquals(435 - kept, resent.accepted());
    }

    /** A member whose Koha keeps the shelving location in $c, and wants it shown as the service point. */
    @Test
    void aMembersOwnHoldingsMappingDecidesWhereItsItemsAre() throws IOException {
        var mapping = HoldingsMapping.parse("952 servicePoint=c barcode=p loanType=y lost=1 notForLoan=7 onLoan=q");
        catalog.libraries().save(new Library("koha-demo", "科哈示范馆", "Koha demo library", LibraryKind.CENTRAL,
                Optional.empty(), "", Optional.empty(), Optional.of(mapping))
                .withRecordIdentity(RecordIdentity.KOHA_BIBLIONUMBER));
        assertEquals(Optional.of(mapping), catalog.libraries().get("koha-demo").orElseThrow().holdingsMapping());

        ingest(KOHA);

        var items = catalog.search().page("", 1, 500).hits().stream().flatMap(h -> h.holdings().stream()).toList();
        assertTrue(items.stream().allMatch(h -> !h.servicePoint().equals("CPL")), "servicePoint comes from $c now");
        assertTrue(items.stream().anyMatch(h -> h.servicePoint().equals("GEN")));
        assertTrue(items.stream().allMatch(h -> h.location().isEmpty()), "the mapping names no location");
        assertTrue(items.stream().anyMatch(h -> h.loanType().equals(Optional.of("BK"))));
    }

    /** An index written before an analysis change must not answer with stale tokens: it is rebuilt. */
    @Test
    void anIndexFromAnEarlierLayoutIsRebuiltWhenOpened() throws IOException {
        var report = ingest(KOHA);
        catalog.close();
        try (var old = new IndexWriter(FSDirectory.open(dataDir.resolve("index")), new IndexWriterConfig())) {
            old.deleteAll();
            old.setLiveCommitData(Map.of("change_seq", "999999", "layout", "1").entrySet());
            old.commit();
        }

        catalog = Catalog.open(dataDir, Clock.systemUTC());

        assertEquals(report.accepted(), Searches.sourceRecords(catalog));
    }

    /** Search pages are cached; a new ingest must never leave a reader looking at the old answer. */
    @Test
    void aCachedSearchIsAnsweredAfreshOnceNewRecordsArrive() throws IOException {
        assertEquals(0, catalog.search().page("", 1, 1).total());
        assertEquals(0, catalog.search().page("", 1, 1).total(), "asked twice: the second answer comes from the cache");

        var report = ingest(KOHA);

        assertEquals(report.accepted(), Searches.sourceRecords(catalog));
    }

    @Test
    void findingIdsOnlyNamesTheSameHitsInTheSameOrderAsFindingTheRecords() throws IOException {
        ingest(KOHA);
        var query = org.tongjie.query.CatalogQuery.Clause.of(org.tongjie.query.CatalogQuery.Index.ANY, "history");
        var records = catalog.search().find(query, 0, 1_000);
        assertTrue(records.total() > 10, "the Koha sample has more than ten history books: " + records.total());

        var all = catalog.search().findIds(query, 0, 1_000);
        var window = catalog.search().findIds(query, 5, 3);

        var describing = records.records().stream().map(r -> r.description().id()).toList();
        assertEquals(records.total(), all.total());
        assertEquals(describing, all.describingRecordIds());
        assertEquals(records.total(), window.total());
        assertEquals(describing.subList(5, 8), window.describingRecordIds());
        assertEquals(java.util.List.of(), catalog.search().findIds(query, (int) records.total(), 10).describingRecordIds());
    }
}
