package org.tongjie.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.search.Ranking;
import org.tongjie.store.EmptyReplacementException;
import org.tongjie.store.IngestBatch;
import org.tongjie.testing.Iso2709;
import org.tongjie.testing.SharedData;

/** A full-replace upload: the file is all the member holds, applied at once or not at all. */
class FullReplaceTest {
    static final IngestBatch.Mode FULL = IngestBatch.Mode.FULL_REPLACE;

    static Catalog open(Path dir) {
        return open(dir, Catalog.SYNC_SLICE);
    }

    static Catalog open(Path dir, int syncSlice) {
        var catalog = Catalog.open(dir, Clock.systemUTC(), Ranking.DEFAULT, syncSlice);
        catalog.libraries().save(new Library("koha-demo", "科哈示范馆", "Koha demo library", LibraryKind.CENTRAL,
                Optional.empty(), "", Optional.empty()));
        catalog.libraries().save(new Library("other", "别馆", "Other library", LibraryKind.BRANCH,
                Optional.empty(), "", Optional.empty()));
        return catalog;
    }

    static List<byte[]> koha() throws IOException {
        return Iso2709.splitRecords(Files.readAllBytes(SharedData.file(CatalogTest.KOHA)));
    }

    static byte[] file(List<byte[]> records) {
        var out = new ByteArrayOutputStream();
        records.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** The member's source records in the union records a search for everything finds. */
    static Set<String> ids(Catalog catalog, String libraryId) {
        return catalog.search().page("", 1, 2000).hits().stream()
                .flatMap(h -> catalog.search().record(h.id()).orElseThrow().members().stream())
                .filter(m -> m.libraryId().equals(libraryId))
                .map(UnionRecord.Member::recordId).collect(Collectors.toSet());
    }

    @Test
    void theMembersRecordsBecomeExactlyTheFilesOnesAndOtherMembersAreUntouched(@TempDir Path dir, @TempDir Path fresh)
            throws IOException {
        List<byte[]> records = koha();
        byte[] first = file(records.subList(0, 400));
        byte[] second = file(records.subList(100, records.size()));
        try (var catalog = open(dir); var reference = open(fresh)) {
            var initial = catalog.ingest().file("koha-demo", new ByteArrayInputStream(first), "upload", FULL);
            catalog.ingest().file("other", new ByteArrayInputStream(first), "upload");
            Set<String> otherBefore = ids(catalog, "other");

            var replaced = catalog.ingest().file("koha-demo", new ByteArrayInputStream(second), "upload", FULL);
            reference.ingest().file("koha-demo", new ByteArrayInputStream(second), "upload");

            assertEquals(ids(reference, "koha-demo"), ids(catalog, "koha-demo"), "the member holds what the file sent");
            assertEquals(otherBefore, ids(catalog, "other"));
            int kept = ids(reference, "koha-demo").size();
            assertTrue(replaced.deleted() > 0 && replaced.accepted() > 0 && replaced.unchanged() > 0, replaced.toString());
            assertEquals(initial.accepted(), replaced.unchanged() + replaced.deleted(), replaced.toString());
            assertEquals(kept, replaced.unchanged() + replaced.accepted(), replaced.toString());
        }
    }

    /**
     * A full replace gives all the file's records one change number; the index takes the changes a slice
     * at a time and must not stop reading a change number at the end of a slice.
     */
    @Test
    void aFullReplaceOfMoreRecordsThanASliceOfTheIndexsCatchUpIsSearchableWhole(@TempDir Path dir, @TempDir Path fresh)
            throws IOException {
        List<byte[]> records = koha();
        try (var catalog = open(dir, 50); var reference = open(fresh)) {
            var report = catalog.ingest().file("koha-demo", new ByteArrayInputStream(file(records)), "upload", FULL);
            reference.ingest().file("koha-demo", new ByteArrayInputStream(file(records)), "upload");

            assertTrue(report.accepted() > 200, report.toString());
            assertEquals(ids(reference, "koha-demo"), ids(catalog, "koha-demo"));
        }
    }

    @Test
    void aFullReplaceCutOffMidStreamLeavesThePreviousRecords(@TempDir Path dir) throws IOException {
        List<byte[]> records = koha();
        byte[] second = file(records.subList(100, records.size()));
        try (var catalog = open(dir)) {
            catalog.ingest().file("koha-demo", new ByteArrayInputStream(file(records.subList(0, 400))), "upload", FULL);
            var before = catalog.search().page("", 1, 2000).hits();

            InputStream dropsHalfWay = new FilterInputStream(new ByteArrayInputStream(second)) {
                long sent;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (sent > second.length / 2) {
                        throw new IOException("connection reset by peer");
                    }
                    int n = super.read(b, off, Math.min(len, 4096));
                    sent += Math.max(n, 0);
                    return n;
                }
            };
            assertThrows(RuntimeException.class, () -> catalog.ingest().file("koha-demo", dropsHalfWay, "upload", FULL));

            assertEquals(before, catalog.search().page("", 1, 2000).hits());
        }
    }

    @Test
    void aFullReplaceWithNoReadableRecordChangesNothing(@TempDir Path dir) throws IOException {
        try (var catalog = open(dir)) {
            catalog.ingest().file("koha-demo", new ByteArrayInputStream(file(koha().subList(0, 50))), "upload");
            long before = catalog.search().page("", 1, 1).total();
            byte[] garbage = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"></collection>".getBytes(StandardCharsets.UTF_8);

            assertThrows(EmptyReplacementException.class,
                    () -> catalog.ingest().file("koha-demo", new ByteArrayInputStream(garbage), "upload", FULL));

            assertEquals(before, catalog.search().page("", 1, 1).total());
        }
    }
}
