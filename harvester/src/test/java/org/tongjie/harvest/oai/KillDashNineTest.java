package org.tongjie.harvest.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Granularity;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.OaiHarvest;
import org.tongjie.search.SearchHit;
import org.tongjie.indexer.Catalog;

/**
 * The harvesting process is killed with SIGKILL (destroyForcibly) in the middle of a harvest, started
 * again, and ends with the store and index an uninterrupted harvest gives; the run log shows the cut-off
 * run INTERRUPTED and the resumed one SUCCEEDED.
 */
class KillDashNineTest {
    @Test
    void aHarvestKilledMidwayAndRestartedEndsWithTheStoreOfAnUninterruptedOne(@TempDir Path killed, @TempDir Path clean,
            @TempDir Path logs) throws Exception {
        InMemoryItems items = LcItems.at(Instant.parse("2026-01-14T08:00:00Z"));
        try (var provider = XoaiProvider.start(items, Granularity.Second, DeletedRecord.PERSISTENT, 10);
             var slow = FaultyFront.before(provider.baseUrl(), n -> {
                 sleep(250);
                 return Optional.empty();
             })) {
            Process first = harvest(killed, slow.baseUrl(), logs.resolve("first.log"));
            awaitPages(killed, 3, first);
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            List<String> cut = runs(killed);
            assertEquals(1, cut.size(), cut.toString());
            assertTrue(cut.getFirst().startsWith("RUNNING"), cut.toString());
            assertTrue(records(killed).size() < items.all().size(), "the harvest was cut off part-way");

            Process second = harvest(killed, provider.baseUrl(), logs.resolve("second.log"));
            assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the restarted harvest ends");
            assertEquals(0, second.exitValue(), java.nio.file.Files.readString(logs.resolve("second.log")));

            try (var reference = Catalog.open(clean, Clock.systemUTC())) {
                reference.libraries().save(HarvestProcess.LC);
                OaiHarvest.run(reference, HarvestLog.open(clean, Clock.systemUTC()), "lc", OaiPmhClient.create(OaiEndpoint.marc21(provider.baseUrl())), Clock.systemUTC());
            }
            assertEquals(records(clean), records(killed), "the same records, byte for byte");
            List<String> after = runs(killed);
            assertTrue(after.get(0).startsWith("INTERRUPTED manual"), after.toString());
            assertTrue(after.get(1).startsWith("SUCCEEDED resume"), after.toString());
            try (var a = Catalog.open(killed, Clock.systemUTC()); var b = Catalog.open(clean, Clock.systemUTC())) {
                assertEquals(hitIds(b), hitIds(a), "the same index");
            }
        }
    }

    static Process harvest(Path data, URI baseUrl, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HarvestProcess.class.getName(),
                data.toString(), baseUrl.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void awaitPages(Path data, int pages, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the harvest ended before it could be killed: " + process.exitValue());
            }
            if (data.resolve("catalog.db").toFile().exists()) {
                try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db"));
                     var st = c.createStatement();
                     var rs = st.executeQuery("SELECT MAX(pages) FROM harvest_runs")) {
                    if (rs.next() && rs.getInt(1) >= pages) {
                        return;
                    }
                } catch (SQLException notYet) {
                    // the schema is being created
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + pages + " pages within 60 s");
    }

    /** Each stored record: id, deletion and its bytes (not the datestamp, which is when it was stored). */
    static TreeSet<String> records(Path data) throws SQLException {
        var out = new TreeSet<String>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db"));
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT record_id, local_id, syntax, deleted, raw FROM source_records")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4) + " "
                        + HexFormat.of().formatHex(rs.getBytes(5)));
            }
        }
        return out;
    }

    static List<String> runs(Path data) throws SQLException {
        var out = new ArrayList<String>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db"));
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT status, trigger, pages FROM harvest_runs ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
            }
        }
        return out;
    }

    static TreeSet<String> hitIds(Catalog catalog) {
        return catalog.search().page("", 1, 1000).hits().stream().map(SearchHit::id).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
