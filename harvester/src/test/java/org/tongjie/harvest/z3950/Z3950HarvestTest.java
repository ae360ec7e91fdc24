package org.tongjie.harvest.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.Z3950Harvest;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.Searches;
import org.tongjie.z3950.Peer;
import org.tongjie.z3950.ZebraRegister;
import org.tongjie.z3950.ZoomTarget;

/**
 * A member's Zebra (real zebrasrv, real MARC21 from the shared pool) harvested over Z39.50 into the
 * catalogue; then records are changed, added and deleted at the source, Zebra re-indexes, and the next run
 * applies exactly those changes. A run cut off part-way resumes from its checkpoint and changes nothing
 * before it completes.
 */
class Z3950HarvestTest {
    static final Path POOL = ZebraRegister.SHARED.resolve("pool/pool-marc21-utf8.mrc");

    @BeforeAll
    static void zebraIsInstalled() {
        Peer.requireInstalled("/usr/bin/zebrasrv", "idzebra-2.0");
    }

    /** The first {@code n} pool records with distinct control numbers. */
    static List<Record> pool(int n) throws IOException {
        var out = new ArrayList<Record>();
        var seen = new HashSet<String>();
        try (InputStream in = Files.newInputStream(POOL)) {
            var reader = new MarcStreamReader(in, "UTF-8");
            while (reader.hasNext() && out.size() < n) {
                Record r = reader.next();
                if (r.getControlNumber() != null && seen.add(r.getControlNumber().strip())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** A Zebra register of these records in a directory of its own, served by a zebrasrv. */
    static Peer zebra(Path dir, List<Record> records) throws Exception {
        Path recordsDir = Files.createDirectories(dir.resolve("records"));
        try (OutputStream out = Files.newOutputStream(recordsDir.resolve("export.mrc"))) {
            var writer = new MarcStreamWriter(out, "UTF-8");
            records.forEach(writer::write);
            writer.close();
        }
        ZebraRegister.build(dir, recordsDir);
        return Peer.start(dir, "/usr/bin/zebrasrv", "-c", "zebra.cfg");
    }

    static MemberSource.Z3950 source(Peer zebra) {
        return new MemberSource.Z3950(ZoomTarget.of("127.0.0.1", zebra.port(), "Default").withTimeout(Duration.ofSeconds(20)),
                Optional.empty());
    }

    static Catalog catalog(Path dir) {
        var catalog = Catalog.open(dir, Clock.systemUTC());
        catalog.libraries().save(new Library("zebra-member", "斑马馆", "Zebra member", LibraryKind.BRANCH,
                Optional.empty(), "", Optional.empty()));
        return catalog;
    }

    static void retitle(Record record, String prefix) {
        DataField title = (DataField) record.getVariableField("245");
        title.getSubfield('a').setData(prefix + title.getSubfield('a').getData());
    }

    static HarvestLog log(Path dir) {
        return HarvestLog.open(dir, Clock.systemUTC());
    }

    @Test
    void theNextRunAppliesExactlyTheChangesAddsAndDeletesMadeAtTheSource(@TempDir Path first, @TempDir Path second,
            @TempDir Path data) throws Exception {
        List<Record> records = pool(61);
        List<Record> before = records.subList(0, 60);
        try (var catalog = catalog(data)) {
            try (var zebra = zebra(first, before)) {
                var report = Z3950Harvest.run(catalog, log(data), "zebra-member", source(zebra), Clock.systemUTC());
                assertEquals(60, report.accepted() + report.quarantined(), report.toString());
                assertEquals(report.accepted(), Searches.sourceRecords(catalog));
            }
            long harvested = Searches.sourceRecords(catalog);

            List<Record> after = new ArrayList<>(before);
            Record gone = after.remove(10);
            retitle(after.get(20), "Zebraretitled ");
            after.add(records.get(60));
            try (var zebra = zebra(second, after)) {
                var report = Z3950Harvest.run(catalog, log(data), "zebra-member", source(zebra), Clock.systemUTC());

                assertEquals(1, report.accepted(), report.toString());
                assertEquals(1, report.updated(), report.toString());
                assertEquals(1, report.deleted(), report.toString());
                assertEquals(harvested - 2, report.unchanged(), report.toString());
            }
            assertEquals(harvested, Searches.sourceRecords(catalog));
            assertEquals(1, catalog.search().page("Zebraretitled", 1, 5).total());
            assertTrue(catalog.search().page("", 1, 1000).hits().stream()
                    .flatMap(h -> catalog.search().record(h.id()).orElseThrow().members().stream())
                    .noneMatch(m -> m.localId().equals(gone.getControlNumber())), "the deleted record left search");
        }
    }

    @Test
    void aRunCutOffAfterAPageChangesNothingYetAndResumesToTheStoreACleanRunGives(@TempDir Path zebraDir,
            @TempDir Path cutDir, @TempDir Path cleanDir) throws Exception {
        List<Record> records = pool(250);
        try (var zebra = zebra(zebraDir, records); var cut = catalog(cutDir); var clean = catalog(cleanDir)) {
            int[] pages = {0};
            assertThrows(IllegalStateException.class, () -> Z3950Harvest.run(cut, log(cutDir), "zebra-member", source(zebra),
                    Clock.systemUTC(), n -> {
                        if (++pages[0] == 2) {
                            throw new IllegalStateException("the hub dies after the second page");
                        }
                    }));
            assertEquals(0, cut.search().page("", 1, 1).total(), "a full replace applies nothing before it completes");
            assertTrue(log(cutDir).state("zebra-member").resumeToken().orElseThrow().contains("next=200"));

            int[] resumedPages = {0};
            var resumed = Z3950Harvest.run(cut, log(cutDir), "zebra-member", source(zebra), Clock.systemUTC(), n -> resumedPages[0]++);
            var uninterrupted = Z3950Harvest.run(clean, log(cleanDir), "zebra-member", source(zebra), Clock.systemUTC());

            assertEquals(1, resumedPages[0], "only the last page is presented again");
            assertEquals(uninterrupted.accepted(), resumed.accepted());
            assertEquals(Searches.byId(clean), Searches.byId(cut));
            assertTrue(log(cutDir).state("zebra-member").resumeToken().isEmpty());
        }
    }
}
