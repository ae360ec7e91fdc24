package org.tongjie.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.search.Ranking;
import org.tongjie.testing.Fixtures;
import org.tongjie.testing.SharedData;

/**
 * A region's first load ({@link Catalog#inBulk}) ends with the union records that member-by-member
 * uploads end with, and builds each of them once. Slices of 300 changes per index commit (the store numbers changes in chunks of 500), so the pool's
 * records (held by two members) span many slices, as a region's files do at 5,000.
 */
class BulkLoadTest {
    private static final int SLICE = 300;

    @TempDir
    Path dir;

    private record MemberFile(String libraryId, Path file) {}

    private final List<MemberFile> files = List.of(
            new MemberFile("central", SharedData.file("pool/pool-marc21-utf8.mrc")),
            new MemberFile("branch", SharedData.file("pool/pool-marc21-utf8.mrc")),
            new MemberFile("nanjing", Fixtures.cnmarcChineseBooks()),
            new MemberFile("abroad", Fixtures.marc21ChineseBooksAbroad()));

    @Test
    void aBulkLoadBuildsEachUnionRecordOnceAndEndsWhereUploadsOneByOneDo() throws IOException {
        Map<String, List<String>> oneByOne;
        long builtOneByOne;
        try (Catalog catalog = open("uploads")) {
            ingest(catalog, files);
            oneByOne = clusters(catalog);
            builtOneByOne = catalog.unionDocumentsBuilt();
        }
        try (Catalog catalog = open("bulk")) {
            var reports = catalog.maintenance().inBulk(() -> ingest(catalog, files));

            assertEquals(files.size(), reports.size());
            assertEquals(oneByOne, clusters(catalog));
            assertEquals(oneByOne.size(), catalog.unionDocumentsBuilt(), "each union record built once");
            assertTrue(builtOneByOne > oneByOne.size() * 3 / 2,
                    "one by one, the branch's copy of each pool record rebuilt its union record: " + builtOneByOne);
        }
    }

    @Test
    void aRebuildBuildsEachUnionRecordOnceAndChangesNone() throws IOException {
        try (Catalog catalog = open("rebuild")) {
            catalog.maintenance().inBulk(() -> ingest(catalog, files));
            var before = clusters(catalog);
            long builtBefore = catalog.unionDocumentsBuilt();

            catalog.maintenance().rebuildIndex();

            assertEquals(before, clusters(catalog));
            assertEquals(before.size(), catalog.unionDocumentsBuilt() - builtBefore);
        }
    }

    @Test
    void whenALoadFailsWhatItStoredBeforeIsSearchable() throws IOException {
        try (Catalog catalog = open("broken")) {
            var missing = new MemberFile("abroad", dir.resolve("no-such-export.mrc"));

            assertThrows(UncheckedIOException.class, () -> catalog.maintenance().inBulk(() -> ingest(catalog, List.of(files.get(2), missing))));

            assertEquals(List.of("nanjing"), catalog.search().page("红楼梦", 1, 10).hits().getFirst().libraries());
        }
    }

    private static List<IngestReport> ingest(Catalog catalog, List<MemberFile> files) {
        var reports = new ArrayList<IngestReport>();
        for (MemberFile f : files) {
            try (InputStream in = Files.newInputStream(f.file())) {
                reports.add(catalog.ingest().file(f.libraryId(), in, f.file().getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reports;
    }

    private Catalog open(String name) {
        var catalog = Catalog.open(dir.resolve(name), Clock.systemUTC(), Ranking.DEFAULT, SLICE);
        for (String id : List.of("central", "branch", "nanjing", "abroad")) {
            catalog.libraries().save(new Library(id, id, id, LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty()));
        }
        return catalog;
    }

    /**
     * Every union record's source records (library/local id), by the first of them; in one page, since a
     * merge finishing between pages could reorder the hits.
     */
    private static Map<String, List<String>> clusters(Catalog catalog) {
        var out = new TreeMap<String, List<String>>();
        var page = catalog.search().page("", 1, 5_000);
        page.hits().forEach(h -> {
            var members = catalog.search().record(h.id()).orElseThrow().members().stream()
                    .map(m -> m.libraryId() + "/" + m.localId()).sorted().toList();
            out.put(members.getFirst(), members);
        });
        assertEquals(page.total(), out.size());
        return out;
    }
}
