package org.tongjie.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcXmlReader;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.testing.Fixtures;
import org.tongjie.testing.Searches;

/**
 * Union records over real records: our 37 CNMARC books at one library, four of the same books catalogued
 * in MARC21 abroad at another. A book held by both is one union record with both libraries' holdings;
 * changes, deletions and staff overrides rework only what they touch and land where a rebuild would.
 */
class UnionRecordsTest {
    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir, Clock.systemUTC());
        for (String id : List.of("nanjing", "abroad")) {
            catalog.libraries().save(new Library(id, id, id, LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty()));
        }
    }

    @AfterEach
    void close() throws IOException {
        catalog.close();
    }

    void ingest(String library, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            catalog.ingest().file(library, in, file.getFileName().toString());
        }
    }

    void ingestBoth() throws IOException {
        ingest("nanjing", Fixtures.cnmarcChineseBooks());
        ingest("abroad", Fixtures.marc21ChineseBooksAbroad());
    }

    /** The abroad file again, with one record changed by {@code edit}. */
    void resendAbroad(String localId, Consumer<Record> edit) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = new MarcXmlWriter(out, "UTF-8");
        try (InputStream in = Files.newInputStream(Fixtures.marc21ChineseBooksAbroad())) {
            var reader = new MarcXmlReader(in);
            while (reader.hasNext()) {
                Record r = reader.next();
                if (r.getControlNumber().strip().equals(localId)) {
                    edit.accept(r);
                }
                writer.write(r);
            }
        }
        writer.close();
        catalog.ingest().file("abroad", new ByteArrayInputStream(out.toByteArray()), "resent");
    }

    static org.marc4j.marc.DataField field(String tag, String a) {
        var factory = org.marc4j.marc.MarcFactory.newInstance();
        var field = factory.newDataField(tag, ' ', ' ');
        field.addSubfield(factory.newSubfield('a', a));
        return field;
    }

    UnionRecord unionOf(String library, String localId) {
        return catalog.search().page("", 1, 100).hits().stream().map(h -> catalog.search().record(h.id()).orElseThrow())
                .filter(u -> u.members().stream().anyMatch(m -> m.libraryId().equals(library) && m.localId().equals(localId)))
                .findFirst().orElseThrow(() -> new AssertionError(library + "/" + localId + " is in no union record"));
    }

    /** Every union record's source records, by union id: what a rebuild must reproduce. */
    Map<String, List<String>> clusters() {
        var out = new TreeMap<String, List<String>>();
        catalog.search().page("", 1, 100).hits().forEach(h -> out.put(h.id(),
                catalog.search().record(h.id()).orElseThrow().members().stream().map(UnionRecord.Member::localId).sorted().toList()));
        return out;
    }

    @Test
    void aBookHeldByTwoLibrariesIsOneUnionRecordWithBothLibrariesHoldings() throws IOException {
        ingestBoth();

        var santi = unionOf("abroad", "TJ-US-0001");
        assertEquals(List.of("TJ-CN-0001", "TJ-US-0001"), santi.members().stream().map(UnionRecord.Member::localId).sorted().toList());
        assertEquals(List.of("isbn"), santi.members().stream().flatMap(m -> m.rule().stream()).toList());
        assertEquals(List.of("abroad", "nanjing"), santi.libraries().stream().sorted().toList());
        assertEquals(37 + 4 - 4, catalog.search().page("", 1, 1).total(), "the four books held by both are one union record each");
        assertEquals(41, Searches.sourceRecords(catalog), "no source record is lost or shown twice");
        var hits = catalog.search().page("Liu Cixin", 1, 10).hits();
        assertEquals(santi.id(), hits.getFirst().id(), "found by the romanised author of the MARC21 record too");
    }

    @Test
    void aUnionRecordIsFoundByTheIdOfAnyOfItsSourceRecords() throws IOException {
        ingestBoth();
        var santi = unionOf("abroad", "TJ-US-0001");

        for (var member : santi.members()) {
            assertEquals(santi.id(), catalog.search().record(member.recordId()).orElseThrow().id());
        }
        var view = catalog.clusters().view(santi.members().getLast().recordId()).orElseThrow();
        assertEquals(santi.id(), view.id());
    }

    @Test
    void whenTheSecondLibraryDeletesItsRecordItsHoldingsLeaveTheUnionRecord() throws IOException {
        ingestBoth();

        resendAbroad("TJ-US-0001", r -> r.getLeader().setRecordStatus('d'));

        var santi = unionOf("nanjing", "TJ-CN-0001");
        assertEquals(List.of("nanjing"), santi.libraries());
        assertTrue(santi.holdings().stream().noneMatch(h -> h.libraryId().equals("abroad")));
        assertEquals(40, Searches.sourceRecords(catalog), "no orphan: the deleted record is in no union record");
        assertEquals(37, catalog.search().page("", 1, 1).total(), "every CNMARC book is still one union record");
    }

    @Test
    void aRecordChangedToAnotherEditionLeavesItsUnionRecordAndTheRestStay() throws IOException {
        ingestBoth();
        var before = clusters();

        resendAbroad("TJ-US-0001", r -> {
            var isbn = (org.marc4j.marc.DataField) r.getVariableField("020");
            isbn.getSubfield('a').setData("9787020002207");
            var edition = r.getDataFields().stream().filter(f -> f.getTag().equals("250")).findFirst();
            if (edition.isEmpty()) {
                r.addVariableField(field("250", "2nd ed."));
            }
        });

        assertEquals(List.of("abroad"), unionOf("abroad", "TJ-US-0001").libraries());
        assertEquals(List.of("nanjing"), unionOf("nanjing", "TJ-CN-0001").libraries());
        var after = clusters();
        before.keySet().stream().filter(after::containsKey).forEach(id -> {
            if (!before.get(id).contains("TJ-CN-0001")) {
                assertEquals(before.get(id), after.get(id), "union record " + id + " was not touched by the change");
            }
        });
    }

    @Test
    void sendingTheSameFilesAgainChangesNoUnionRecord() throws IOException {
        ingestBoth();
        var before = clusters();

        ingestBoth();

        assertEquals(before, clusters());
    }

    @Test
    void incrementalClusteringEndsWhereARebuildFromTheStoreDoes() throws IOException {
        ingest("abroad", Fixtures.marc21ChineseBooksAbroad());
        ingest("nanjing", Fixtures.cnmarcChineseBooks());
        resendAbroad("TJ-US-0002", r -> r.getLeader().setRecordStatus('d'));
        var incremental = clusters();

        catalog.maintenance().rebuildIndex();

        assertEquals(incremental, clusters());
    }

    @Test
    void aStaffSplitKeepsRecordsApartAcrossReHarvestsAndRebuilds() throws IOException {
        ingestBoth();
        var santi = unionOf("abroad", "TJ-US-0001");
        String abroadId = santi.members().stream().filter(m -> m.libraryId().equals("abroad")).findFirst().orElseThrow().recordId();

        var now = catalog.clusters().split(santi.id(), List.of(abroadId), "staff:li", "the abroad copy is the 2010 reprint");

        assertEquals(2, now.size());
        assertNotEquals(unionOf("abroad", "TJ-US-0001").id(), unionOf("nanjing", "TJ-CN-0001").id());
        resendAbroad("TJ-US-0001", r -> r.addVariableField(
                field("500", "Re-harvested with a note.")));
        assertNotEquals(unionOf("abroad", "TJ-US-0001").id(), unionOf("nanjing", "TJ-CN-0001").id(), "after a re-harvest");
        catalog.maintenance().rebuildIndex();
        assertNotEquals(unionOf("abroad", "TJ-US-0001").id(), unionOf("nanjing", "TJ-CN-0001").id(), "after a rebuild");
        var view = catalog.clusters().view(unionOf("abroad", "TJ-US-0001").id()).orElseThrow();
        assertEquals("the abroad copy is the 2010 reprint", view.overrides().getFirst().reason());
    }

    @Test
    void aStaffMergeJoinsWhatTheMatcherKeptApartAndSurvivesARebuild() throws IOException {
        ingestBoth();
        var one = unionOf("nanjing", "TJ-CN-0015");
        var other = unionOf("nanjing", "TJ-CN-0016");

        String merged = catalog.clusters().merge(one.id(), other.id(), "staff:li", "one work for our readers");

        assertEquals(merged, unionOf("nanjing", "TJ-CN-0016").id());
        assertEquals(List.of("staff-merge"), catalog.search().record(merged).orElseThrow().members().stream()
                .flatMap(m -> m.rule().stream()).toList());
        catalog.maintenance().rebuildIndex();
        assertEquals(unionOf("nanjing", "TJ-CN-0015").id(), unionOf("nanjing", "TJ-CN-0016").id());
    }

    @Test
    void overridesThatMakeNoSenseAreRefusedWithTheReason() throws IOException {
        ingestBoth();
        var santi = unionOf("abroad", "TJ-US-0001");
        var all = santi.members().stream().map(UnionRecord.Member::recordId).toList();

        var everything = assertThrows(IllegalArgumentException.class, () -> catalog.clusters().split(santi.id(), all, "staff", "x"));
        assertTrue(everything.getMessage().contains("at least one"), everything.getMessage());
        var stranger = assertThrows(IllegalArgumentException.class,
                () -> catalog.clusters().split(santi.id(), List.of("nanjing.0000"), "staff", "x"));
        assertTrue(stranger.getMessage().contains("nanjing.0000"), stranger.getMessage());
        assertThrows(IllegalArgumentException.class, () -> catalog.clusters().merge(santi.id(), all.getLast(), "staff", "x"));
        assertThrows(UnknownRecordException.class, () -> catalog.clusters().merge(santi.id(), "nowhere.1", "staff", "x"));
    }
}
