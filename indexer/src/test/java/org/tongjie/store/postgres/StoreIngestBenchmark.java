package org.tongjie.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.catalog.RecordSyntax;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.index.lucene.CatalogIndex;
import org.tongjie.indexer.Catalog;
import org.tongjie.search.Ranking;
import org.tongjie.store.IngestBatch;
import org.tongjie.store.RecordStore;
import org.tongjie.store.sqlite.CatalogStore;
import org.tongjie.testing.SharedData;

/**
 * Records per second into the catalogue store, SQLite (the hub's WAL + synchronous=NORMAL) against
 * PostgreSQL 17.6 (fsync and synchronous_commit on), from the 1,092-record pool file sent by
 * {@value #MEMBERS} members: the store alone (the file's records cut at their terminators, no parsing), and
 * whole uploads (parse, store, cluster, index). Not part of the suite: it runs with -Dtongjie.bench=store
 * and prints its table.
 */
@EnabledIfSystemProperty(named = "tongjie.bench", matches = "store")
class StoreIngestBenchmark {
    private static final int MEMBERS = 20;
    private static final int UPLOAD_MEMBERS = 3;

    @TempDir
    Path dir;

    @Test
    void recordsPerSecond() throws IOException {
        byte[] pool = Files.readAllBytes(SharedData.file("pool/pool-marc21-utf8.mrc"));
        var rows = new ArrayList<String>();
        rows.add(row("SQLite, WAL, synchronous=NORMAL", storeOnly(() -> CatalogStore.openSqlite(dir.resolve("a.db")), pool),
                uploads(() -> CatalogStore.openSqlite(dir.resolve("b.db")), dir.resolve("b-index"))));
        try (var pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on").setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start()) {
            rows.add(row("PostgreSQL 17.6 (loopback), fsync + synchronous_commit on",
                    storeOnly(() -> PostgresRecordStore.open(database(pg, "a")), pool),
                    uploads(() -> PostgresRecordStore.open(database(pg, "b")), dir.resolve("pg-index"))));
        }
        System.out.println("| store | store alone, records/s | whole upload, records/s |\n|---|---|---|\n"
                + String.join("\n", rows));
    }

    private static String database(EmbeddedPostgres pg, String name) {
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE bench_" + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg.getJdbcUrl("postgres", "bench_" + name);
    }

    private static String row(String store, double alone, double uploads) {
        return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |", store, alone, uploads);
    }

    /** The file's records as ISO 2709 cuts them (record terminator 0x1D): the store reads no field. */
    private static List<byte[]> records(byte[] file) {
        var out = new ArrayList<byte[]>();
        int from = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == 0x1D) {
                out.add(Arrays.copyOfRange(file, from, i + 1));
                from = i + 1;
            }
        }
        return out;
    }

    private static double storeOnly(Supplier<RecordStore> open, byte[] file) {
        var records = records(file);
        try (var store = open.get()) {
            long start = System.nanoTime();
            for (int m = 0; m < MEMBERS; m++) {
                String member = "m" + m;
                store.saveLibrary(library(member));
                try (var batch = store.beginBatch(member, "upload", Instant.now(), IngestBatch.Mode.INCREMENTAL)) {
                    for (int i = 0; i < records.size(); i++) {
                        batch.add(i + 1, new SourceRecord(member, "r" + i, RecordSyntax.ISO2709, records.get(i),
                                Instant.now(), false));
                    }
                    batch.finish(Instant.now());
                }
            }
            return MEMBERS * records.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double uploads(Supplier<RecordStore> open, Path indexDir) throws IOException {
        Path file = SharedData.file("pool/pool-marc21-utf8.mrc");
        try (var catalog = Catalog.open(open.get(), CatalogIndex.open(indexDir, Ranking.DEFAULT), Clock.systemUTC())) {
            long start = System.nanoTime();
            int records = 0;
            for (int m = 0; m < UPLOAD_MEMBERS; m++) {
                catalog.libraries().save(library("u" + m));
                try (InputStream in = Files.newInputStream(file)) {
                    var r = catalog.ingest().file("u" + m, in, "upload");
                    records += r.accepted() + r.updated() + r.unchanged() + r.deleted() + r.quarantined();
                }
            }
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static Library library(String id) {
        return new Library(id, id, id, LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty())
                .withRecordIdentity(RecordIdentity.parse("001 or content"));
    }
}
