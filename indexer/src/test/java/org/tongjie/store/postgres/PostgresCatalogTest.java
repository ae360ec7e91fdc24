package org.tongjie.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.index.lucene.CatalogIndex;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestLimits;
import org.tongjie.indexer.IngestReport;
import org.tongjie.search.Ranking;
import org.tongjie.store.IngestBatch;
import org.tongjie.store.PublishedUnions;
import org.tongjie.store.RecordStore;
import org.tongjie.store.sqlite.CatalogStore;
import org.tongjie.testing.Fixtures;
import org.tongjie.testing.PostgresServer;
import org.tongjie.testing.SharedData;

/**
 * The catalogue over the PostgreSQL store and the Lucene index, given real files as members upload them
 * (the 1,092-record pool, Taiwanese CMARC, our CNMARC Chinese books, then the pool again as a full
 * replace): the same reports, quarantine, union records and searches as over the SQLite store.
 */
class PostgresCatalogTest {
    @TempDir
    Path dir;

    @Test
    void realFilesGiveTheSameCatalogueOnPostgresqlAsOnSqlite() throws IOException {
        var onSqlite = journey(CatalogStore.openSqlite(dir.resolve("sqlite/catalog.db")), dir.resolve("sqlite/index"));
        var onPostgres = journey(PostgresRecordStore.open(PostgresServer.freshDatabase()), dir.resolve("postgres/index"));

        assertEquals(onSqlite.reports(), onPostgres.reports());
        assertEquals(onSqlite.quarantined(), onPostgres.quarantined());
        assertEquals(onSqlite.unions(), onPostgres.unions());
        assertEquals(onSqlite.searches(), onPostgres.searches());

        var pool = onPostgres.reports().getFirst();
        assertEquals("995 0 71 0 26", pool, "1,092 records: 71 sent twice with the same bytes, 26 repeating an id with other bytes");
        assertEquals("0 0 995 0 26", onPostgres.reports().getLast(), "the pool again, as a full replace: nothing changed");
        assertEquals(52, onPostgres.quarantined().size(), "26 from the first upload of the pool, 26 from the second");
        assertTrue(onPostgres.unions().size() > 1_000, "union records: " + onPostgres.unions().size());
    }

    /** A hub restarted on the same database finds what it had, and its index (rebuilt here) agrees. */
    @Test
    void aCatalogueOnPostgresqlIsThereAgainWhenTheHubReopensIt() throws IOException {
        String url = PostgresServer.freshDatabase();
        String report;
        long found;
        try (var catalog = Catalog.open(dir.resolve("node"), url, Clock.systemUTC(), IngestLimits.DEFAULTS)) {
            report = upload(catalog, "cnmarc", Fixtures.cnmarcChineseBooks(), IngestBatch.Mode.INCREMENTAL);
            found = catalog.search().page("红楼梦", 1, 10).total();
        }
        assertEquals("37 0 0 0 0", report);
        assertTrue(found > 0);
        try (var catalog = Catalog.open(dir.resolve("another-node"), url, Clock.systemUTC(), IngestLimits.DEFAULTS)) {
            assertEquals(found, catalog.search().page("红楼梦", 1, 10).total());
            assertEquals("0 0 37 0 0", upload(catalog, "cnmarc", Fixtures.cnmarcChineseBooks(), IngestBatch.Mode.INCREMENTAL));
        }
    }

    /** What a reader, a member and a harvester see of one catalogue. */
    record Seen(List<String> reports, List<String> quarantined, List<String> unions, List<Long> searches) {}

    private static Seen journey(RecordStore store, Path indexDir) throws IOException {
        try (var catalog = Catalog.open(store, CatalogIndex.open(indexDir, Ranking.DEFAULT), Clock.systemUTC())) {
            var reports = new ArrayList<String>();
            reports.add(upload(catalog, "pool", SharedData.file("pool/pool-marc21-utf8.mrc"), IngestBatch.Mode.INCREMENTAL));
            reports.add(upload(catalog, "cmarc", SharedData.file("pool/pride-cmarc-like-unimarc-records.mrc"),
                    IngestBatch.Mode.INCREMENTAL));
            reports.add(upload(catalog, "cnmarc", Fixtures.cnmarcChineseBooks(), IngestBatch.Mode.INCREMENTAL));
            reports.add(upload(catalog, "pool", SharedData.file("pool/pool-marc21-utf8.mrc"), IngestBatch.Mode.FULL_REPLACE));
            var quarantined = List.of("pool", "cmarc", "cnmarc").stream()
                    .flatMap(member -> catalog.quarantine().page(member, 1, 100).entries().stream()
                            .map(q -> member + " " + q.position() + " " + q.reason()))
                    .toList();
            var unions = catalog.feed().list(new PublishedUnions.Window(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()), 100_000).stream()
                    .map(e -> e.unionId() + (e.deleted() ? " deleted " : " ") + e.libraries()).sorted().toList();
            var searches = List.of("pride prejudice", "austen", "红楼梦", "hongloumeng", "opera").stream()
                    .map(q -> catalog.search().page(q, 1, 10).total()).toList();
            return new Seen(reports, quarantined, unions, searches);
        }
    }

    private static String upload(Catalog catalog, String member, Path file, IngestBatch.Mode mode) throws IOException {
        catalog.libraries().save(new Library(member, member, member, LibraryKind.CENTRAL, Optional.empty(), "",
                Optional.empty()).withRecordIdentity(RecordIdentity.parse("001 or content")));
        try (InputStream in = Files.newInputStream(file)) {
            IngestReport r = catalog.ingest().file(member, in, "upload", mode);
            return r.accepted() + " " + r.updated() + " " + r.unchanged() + " " + r.deleted() + " " + r.quarantined();
        }
    }
}
