package org.tongjie.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.indexer.Catalog;

/**
 * The harvest state and run log moved from the catalogue's migrations (V3, V8) to the harvester's own. A data
 * directory made by the previous version keeps both when the hub starts on it; a new one gets them whichever
 * opens its database first.
 */
class HarvestLogMigrationTest {
    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /**
     * The previous version's schema, as its own migrations made it: today's catalogue migrations and, in their
     * old places V3 and V8, the harvest tables' migrations exactly as they were (test resources).
     */
    static void previousVersion(Path dataDir) throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve("catalog.db");
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration/sqlite", "classpath:db/previous-catalog").load().migrate();
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO libraries (id, name_zh, name_en, kind, address) VALUES ('lc', '国会图书馆', 'LC', 'CENTRAL', '')");
            st.executeUpdate("""
                    INSERT INTO harvest_state (library_id, resume_token, run_started_at, next_from, updated_at)
                    VALUES ('lc', 'token-42', '2026-02-28T07:59:00Z', '2026-02-27T07:59:00Z', '2026-02-28T08:10:00Z')""");
            st.executeUpdate("""
                    INSERT INTO harvest_runs (library_id, kind, trigger, status, started_at, finished_at, updated_at,
                      pages, records, added)
                    VALUES ('lc', 'oai-pmh', 'schedule', 'SUCCEEDED', '2026-02-27T08:00:00Z', '2026-02-27T08:05:00Z',
                      '2026-02-27T08:05:00Z', 12, 1200, 1200)""");
            st.executeUpdate("""
                    INSERT INTO harvest_runs (library_id, kind, trigger, status, started_at, updated_at, pages, records)
                    VALUES ('lc', 'oai-pmh', 'schedule', 'RUNNING', '2026-02-28T08:00:00Z', '2026-02-28T08:10:00Z', 3, 300)""");
        }
    }

    @Test
    void aDataDirectoryOfThePreviousVersionKeepsItsHarvestStateAndRuns(@TempDir Path dataDir) throws Exception {
        previousVersion(dataDir);

        try (var catalog = Catalog.open(dataDir, CLOCK)) {
            var log = HarvestLog.open(dataDir, CLOCK);

            assertEquals(List.of("lc"), catalog.libraries().all().stream().map(Library::id).toList());
            assertEquals(new HarvestState(Optional.of("token-42"), Optional.of(Instant.parse("2026-02-28T07:59:00Z")),
                    Optional.of(Instant.parse("2026-02-27T07:59:00Z"))), log.state("lc"));
            List<HarvestRun> runs = log.runs("lc", 10);
            assertEquals(List.of(HarvestRun.Status.RUNNING, HarvestRun.Status.SUCCEEDED),
                    runs.stream().map(HarvestRun::status).toList());
            assertEquals(1200, runs.get(1).added());
            assertEquals(List.of(runs.getFirst().id()), log.interruptRunning().stream().map(HarvestRun::id).toList(),
                    "the run the previous process left RUNNING is found, to be resumed");
            long next = log.startRun("lc", "oai-pmh", "resume");
            assertEquals(runs.getFirst().id() + 1, next, "new runs follow the old ones");
        }
        try (var reopened = Catalog.open(dataDir, CLOCK)) {
            assertEquals(3, HarvestLog.open(dataDir, CLOCK).runs("lc", 10).size(), "a second start migrates nothing again");
        }
    }

    @Test
    void aNewDataDirectoryGetsBothSchemasWhicheverOpensFirst(@TempDir Path catalogFirst, @TempDir Path logFirst)
            throws Exception {
        var library = new Library("lc", "国会图书馆", "LC", LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty());
        try (var catalog = Catalog.open(catalogFirst, CLOCK)) {
            catalog.libraries().save(library);
            HarvestLog.open(catalogFirst, CLOCK).saveState("lc", HarvestState.fresh().finished(NOW));
        }
        HarvestLog.open(logFirst, CLOCK).saveState("lc", HarvestState.fresh().finished(NOW));
        try (var catalog = Catalog.open(logFirst, CLOCK)) {
            catalog.libraries().save(library);
        }

        for (Path dataDir : List.of(catalogFirst, logFirst)) {
            try (var catalog = Catalog.open(dataDir, CLOCK)) {
                assertEquals(Optional.of(library), catalog.libraries().get("lc"));
                assertEquals(Optional.of(NOW), HarvestLog.open(dataDir, CLOCK).state("lc").nextFrom());
            }
        }
    }
}
