package org.tongjie.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.query.CatalogQuery;
import org.tongjie.store.IngestBatch;
import org.tongjie.testing.SharedData;

/**
 * Issue 18: a member's records are identified by the field its directory entry names, and two records with one
 * id in one upload are a reported problem, never an update. SirsiDynix Symphony writes its items in 999 with
 * the copy number in $c, so taking 999 $c as the id made different books overwrite each other.
 */
class RecordIdentityTest {
    static final String POOL = "pool/pool-marc21-utf8.mrc";
    static final String KOHA = "koha-misc4dev/koha-sample-marc21-with-952-items.mrc";

    @TempDir
    Path dataDir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dataDir, Clock.systemUTC());
    }

    @AfterEach
    void close() throws IOException {
        catalog.close();
    }

    void member(String id, RecordIdentity identity) {
        catalog.libraries().save(new Library(id, id, id, LibraryKind.BRANCH, Optional.empty(), "", Optional.empty())
                .withRecordIdentity(identity));
    }

    IngestReport upload(String member, byte[] file, IngestBatch.Mode mode) {
        return catalog.ingest().file(member, new ByteArrayInputStream(file), "test", mode);
    }

    /** The pool's SirsiDynix Symphony records: 999 is their item field ($a call number, $w scheme, $i barcode). */
    static List<MarcRecords.Read> symphonyRecords() throws IOException {
        try (InputStream in = Files.newInputStream(SharedData.file(POOL)); Stream<MarcRecords.Read> all = MarcRecords.read(in)) {
            return all.filter(r -> r.record().getDataFields().stream().anyMatch(f -> f.getTag().equals("999")
                    && f.getSubfield('w') != null && f.getSubfield('i') != null)).toList();
        }
    }

    static byte[] file(List<MarcRecords.Read> records) {
        var out = new ByteArrayOutputStream();
        records.forEach(r -> out.writeBytes(r.raw()));
        return out.toByteArray();
    }

    static String controlNumber(MarcRecords.Read r) {
        return r.record().getControlNumber().strip();
    }

    boolean findable(String libraryId, String localId) {
        var found = catalog.search().find(CatalogQuery.Clause.of(CatalogQuery.Index.LOCAL_ID, localId), 0, 10);
        return found.records().stream().flatMap(u -> u.members().stream())
                .anyMatch(m -> m.libraryId().equals(libraryId) && m.localId().equals(localId))
                && catalog.search().sourceRecord(SourceRecord.idOf(libraryId, localId)).isPresent();
    }

    @Test
    void everySymphonyRecordSentByAMemberKnownBy001IsInTheUnionCatalogue() throws IOException {
        var symphony = symphonyRecords();
        assertEquals(13, symphony.size(), "the pool's Symphony records (University of Virginia)");
        assertTrue(symphony.stream().allMatch(r -> r.record().getDataFields().stream()
                .filter(f -> f.getTag().equals("999")).findFirst().orElseThrow().getSubfield('c').getData().strip().equals("1")),
                "every one's first 999 $c is 1: the copy number");
        member("symphony", RecordIdentity.CONTROL_NUMBER);

        var report = upload("symphony", file(symphony), IngestBatch.Mode.INCREMENTAL);

        assertEquals(13, report.accepted(), report.toString());
        assertEquals(0, report.updated() + report.quarantined(), report.toString());
        symphony.forEach(r -> assertTrue(findable("symphony", controlNumber(r)), controlNumber(r)));
    }

    /** The whole pool as one member known by 001: what is not stored is quarantined with its reason. */
    @Test
    void thePoolAsOneMemberKnownBy001LosesNoRecordSilently() throws IOException {
        List<MarcRecords.Read> pool;
        try (InputStream in = Files.newInputStream(SharedData.file(POOL)); var all = MarcRecords.read(in)) {
            pool = all.toList();
        }
        member("pool", RecordIdentity.CONTROL_NUMBER);

        var report = upload("pool", Files.readAllBytes(SharedData.file(POOL)), IngestBatch.Mode.INCREMENTAL);

        assertEquals(1092, pool.size());
        assertEquals(0, report.updated(), "nothing existed before this upload");
        assertEquals(pool.size(), report.accepted() + report.unchanged() + report.quarantined(), report.toString());
        assertEquals(report.quarantined(), report.problems().size());
        long identicalRepeats = report.unchanged();
        var stored = pool.stream().filter(r -> r.record().getControlNumber() != null).map(RecordIdentityTest::controlNumber)
                .distinct().filter(id -> findable("pool", id)).count();
        assertEquals(report.accepted(), stored, "each stored record is searchable by its 001");
        assertEquals(pool.size() - report.quarantined() - identicalRepeats, stored);
        var reasons = report.problems().stream().map(IngestReport.Problem::reason).toList();
        assertTrue(reasons.stream().allMatch(r -> r.startsWith("no 001 in the record") || r.contains(" repeats the id ")
                || r.startsWith("not a bibliographic record")), reasons.toString());
    }

    /** The same Symphony file for a member set (wrongly) to 999 $c: each repeat is reported, none is an update. */
    @Test
    void aRepeatedIdInOneUploadIsAProblemNamingBothPositionsNeverAnUpdate() throws IOException {
        member("wrongly-999c", RecordIdentity.KOHA_BIBLIONUMBER);

        var report = upload("wrongly-999c", file(symphonyRecords()), IngestBatch.Mode.INCREMENTAL);

        assertEquals(1, report.accepted());
        assertEquals(0, report.updated());
        assertEquals(12, report.quarantined());
        var second = report.problems().getFirst();
        assertEquals(2, second.position());
        assertEquals(Optional.of("1"), second.sourceId());
        assertTrue(second.reason().startsWith("record 2 repeats the id '1' of record 1"), second.reason());
        assertTrue(catalog.search().sourceRecord(SourceRecord.idOf("wrongly-999c", "1")).isPresent());
    }

    @Test
    void aFullReplaceReportsARepeatedIdTheSameWay() throws IOException {
        member("wrongly-999c", RecordIdentity.KOHA_BIBLIONUMBER);

        var report = upload("wrongly-999c", file(symphonyRecords()), IngestBatch.Mode.FULL_REPLACE);

        assertEquals(1, report.accepted());
        assertEquals(12, report.quarantined());
        assertTrue(report.problems().get(11).reason().startsWith("record 13 repeats the id '1' of record 1"),
                report.problems().toString());
    }

    /** "Updated" means the id was there before this upload. */
    @Test
    void aSecondUploadUpdatesOnlyWhatTheFirstStored() throws IOException {
        var symphony = symphonyRecords();
        member("symphony", RecordIdentity.CONTROL_NUMBER);
        upload("symphony", file(symphony.subList(0, 5)), IngestBatch.Mode.INCREMENTAL);

        var again = upload("symphony", file(symphony), IngestBatch.Mode.INCREMENTAL);

        assertEquals(8, again.accepted());
        assertEquals(5, again.unchanged());
        assertEquals(0, again.updated() + again.quarantined());
    }

    /** Koha keeps its biblionumber in 999 $c; its 001 was copied from LC and repeats. */
    @Test
    void aKohaMemberKnownBy999cKeepsEveryRecord() throws IOException {
        member("koha", RecordIdentity.KOHA_BIBLIONUMBER);
        byte[] koha = Files.readAllBytes(SharedData.file(KOHA));

        var first = upload("koha", koha, IngestBatch.Mode.INCREMENTAL);
        var again = upload("koha", koha, IngestBatch.Mode.FULL_REPLACE);

        assertEquals(435, first.accepted(), first.problems().toString());
        assertEquals(435, again.unchanged());
        assertEquals(0, again.updated() + again.quarantined() + again.deleted());
        assertTrue(findable("koha", "1"));
    }
}
