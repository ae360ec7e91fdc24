package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.marc.Record;

/**
 * The client against Zebra serving real Library of Congress MARC21 records (Debian's idzebra-2.0 examples)
 * and one MARC-8 record full of diacritics from YAZ's own tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZoomZebraTest {
    private static final Path MARC8_DIACRITICS =
            ZebraRegister.SHARED.resolve("debian-src/yaz-5.34.0-test/marc-files/marc7.marc");

    private Path dir;
    private Peer zebra;
    private ZoomTarget target;
    /** What YAZ makes of each sample record when it re-encodes it, as Zebra does, by control number. */
    private Map<String, byte[]> reencoded;

    @BeforeAll
    void startZebra(@TempDir Path tempDir) throws Exception {
        Peer.requireInstalled("/usr/bin/zebrasrv", "idzebra-2.0");
        Peer.requireInstalled("/usr/bin/yaz-marcdump", "yaz");
        dir = tempDir;
        Path records = Files.createDirectory(dir.resolve("records"));
        Files.copy(ZebraRegister.SAMPLE_MARC, records.resolve("sample-marc"));
        Files.copy(MARC8_DIACRITICS, records.resolve("marc7.marc"));
        ZebraRegister.build(dir, records);
        zebra = Peer.start(dir, "/usr/bin/zebrasrv", "-c", "zebra.cfg");
        target = ZoomTarget.of("127.0.0.1", zebra.port(), "Default").withTimeout(Duration.ofSeconds(10));
        reencoded = MarcFiles.yazMarcdump(ZebraRegister.SAMPLE_MARC, dir).stream()
                .collect(Collectors.toMap(bytes -> MarcFiles.iso2709(bytes).getControlNumber(), Function.identity()));
    }

    @AfterAll
    void stopZebra() {
        if (zebra != null) {
            zebra.close();
        }
    }

    @Test
    void aTitleSearchFindsTheNineComputerBooksWithTheirOwnBytes() {
        List<FetchedRecord> records = fetchAll(target, new Query.Pqf("@attr 1=4 computer"), 9);

        for (FetchedRecord fetched : records) {
            assertEquals(RecordSyntax.USMARC, fetched.syntax());
            Record marc = MarcFiles.iso2709(fetched.raw());
            String title = marc.getVariableField("245").toString();
            assertTrue(title.toLowerCase().contains("computer"), title);
            // Zebra re-encodes ISO 2709 (14 of the 24 sample records have directories out of data order), so
            // the bytes match YAZ's re-encoding of the file, byte for byte, not the file itself.
            assertArrayEquals(reencoded.get(marc.getControlNumber()), fetched.raw(), marc.getControlNumber());
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L),
                records.stream().map(FetchedRecord::position).toList());
    }

    @Test
    void anIsbnSearchFindsTheOneBookWithIt() {
        FetchedRecord late = fetchAll(target, new Query.Pqf("@attr 1=7 1562827545"), 1).getFirst();
        assertEquals("The late shift :", MarcFiles.title(MarcFiles.iso2709(late.raw())));
        assertArrayEquals(reencoded.get("ACD-3792"), late.raw());

        // 020 $a "0879832355 (pbk.) :" is indexed as words, so the bare ISBN finds it, in "any" too.
        FetchedRecord psalms = fetchAll(target, new Query.Pqf("@attr 1=1016 0879832355"), 1).getFirst();
        assertEquals("Four psalms :", MarcFiles.title(MarcFiles.iso2709(psalms.raw())));
    }

    @Test
    void marcxmlIsMadeFromTheUsmarcTheTargetSends() {
        FetchedRecord xml = fetchAll(target.withSyntax(RecordSyntax.MARCXML),
                new Query.Pqf("@attr 1=7 1562827545"), 1).getFirst();

        assertEquals(RecordSyntax.MARCXML, xml.syntax());
        Record fromXml = MarcFiles.marcXml(xml.raw());
        Record fromIso = MarcFiles.iso2709(reencoded.get("ACD-3792"));
        assertEquals(fromIso.getVariableFields().toString(), fromXml.getVariableFields().toString());
        // MARCXML is Unicode by definition, and YAZ's MARCXML writer says so in leader/09.
        assertEquals('a', fromXml.getLeader().getCharCodingScheme());
    }

    @Test
    void zebrasOwnXmlIsMarcxmlWithItsIndexInformationAppended() {
        FetchedRecord xml = fetchAll(target.withSyntax(RecordSyntax.XML),
                new Query.Pqf("@attr 1=7 1562827545"), 1).getFirst();

        String text = new String(xml.raw(), StandardCharsets.UTF_8);
        assertEquals(RecordSyntax.XML, xml.syntax());
        assertTrue(text.startsWith("<record xmlns=\"http://www.loc.gov/MARC21/slim\">"), text);
        assertTrue(text.contains("<idzebra xmlns=\"http://www.indexdata.dk/zebra/\">"), text);
    }

    @Test
    void aMarc8TargetsRecordsComeAsUtf8MarkedInTheLeader() throws Exception {
        FetchedRecord utf8 = fetchAll(target.withCharset("marc8"), new Query.Pqf("@attr 1=4 voyager"), 1)
                .getFirst();

        byte[] expected = MarcFiles.yazMarcdump(MARC8_DIACRITICS, dir, "-f", "marc8", "-t", "utf8", "-l", "9=97")
                .getFirst();
        assertArrayEquals(expected, utf8.raw());
        assertTrue(MarcFiles.iso2709(utf8.raw()).toString().contains("Polish L (Ł)"));

        FetchedRecord asSent = fetchAll(target, new Query.Pqf("@attr 1=4 voyager"), 1).getFirst();
        assertArrayEquals(MarcFiles.yazMarcdump(MARC8_DIACRITICS, dir).getFirst(), asSent.raw());
    }

    @Test
    void cqlIsRefusedByAZebraWithoutACqlMapping() {
        try (ZoomConnection connection = ZoomConnection.open(target)) {
            ZoomException refused = assertThrows(ZoomException.class,
                    () -> connection.search(new Query.Cql("title=computer")));
            assertEquals(107, refused.code());
            assertEquals("Bib-1", refused.diagnosticSet());
        }
    }

    @Test
    void anIndexZebraLacksGivesItsDiagnosticAndTheConnectionGoesOn() {
        try (ZoomConnection connection = ZoomConnection.open(target)) {
            ZoomException refused = assertThrows(ZoomException.class,
                    () -> connection.search(new Query.Pqf("@attr 1=12 ACD-3792")));
            assertEquals(114, refused.code());
            assertEquals(target.zurl() + ": Unsupported Use attribute (Bib-1 114): 12", refused.getMessage());

            try (ZoomResultSet next = connection.search(new Query.Pqf("@attr 1=4 computer"))) {
                assertEquals(9, next.size());
            }
        }
    }

    @Test
    void aRecordZebraCannotGiveInUnimarcIsADiagnosticNamingItsPosition() {
        try (ZoomConnection connection = ZoomConnection.open(target.withSyntax(RecordSyntax.UNIMARC));
             ZoomResultSet computers = connection.search(new Query.Pqf("@attr 1=4 computer"))) {
            ZoomException refused = assertThrows(ZoomException.class, () -> computers.records(2, 1));
            assertEquals(238, refused.code());
            assertEquals(target.zurl() + " record 2", refused.target());
        }
    }

    private static List<FetchedRecord> fetchAll(ZoomTarget target, Query query, long expectedHits) {
        try (ZoomConnection connection = ZoomConnection.open(target);
             ZoomResultSet found = connection.search(query)) {
            assertEquals(expectedHits, found.size(), query.text());
            return found.records(0, (int) found.size());
        }
    }
}
