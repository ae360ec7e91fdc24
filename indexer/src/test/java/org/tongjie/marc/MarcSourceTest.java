package org.tongjie.marc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tongjie.catalog.NotMarcException;
import org.tongjie.testing.Iso2709;
import org.tongjie.testing.SharedData;

class MarcSourceTest {

    static List<MarcEntry> readAll(InputStream in) throws IOException {
        var out = new ArrayList<MarcEntry>();
        try (var source = MarcSource.open(in)) {
            source.forEachRemaining(out::add);
        }
        return out;
    }

    static InputStream open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        return p.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    @Test
    void readsEveryRecordOfTheLibraryOfCongressMarc8Sample() throws IOException {
        var entries = readAll(open(SharedData.file("idzebra-examples/marc21/sample-marc")));
        assertEquals(24, entries.size());
        assertTrue(entries.stream().allMatch(MarcEntry.Parsed.class::isInstance), entries::toString);
    }

    @Test
    void readsMarcXmlCollectionsRecordByRecord() throws IOException {
        var entries = readAll(open(SharedData.file("idzebra-examples/marcxml/collection-sandburg-1.xml")));
        assertFalse(entries.isEmpty());
        assertTrue(entries.stream().allMatch(MarcEntry.Parsed.class::isInstance));
        var first = (MarcEntry.Parsed) entries.getFirst();
        assertTrue(new String(first.raw(), StandardCharsets.UTF_8).contains("<record"),
                "a MARCXML record's raw form is its own record element");
    }

    @Test
    void aRecordWithABrokenLeaderIsReportedAndTheRecordsAroundItStillCome() throws IOException {
        byte[] file = Files.readAllBytes(SharedData.file("idzebra-examples/marc21/sample-marc"));
        List<byte[]> records = Iso2709.splitRecords(file);
        byte[] broken = records.get(1).clone();
        System.arraycopy("abcde".getBytes(StandardCharsets.US_ASCII), 0, broken, 0, 5);
        var entries = readAll(new ByteArrayInputStream(concat(records.get(0), broken, records.get(2))));

        assertEquals(3, entries.size());
        assertInstanceOf(MarcEntry.Parsed.class, entries.get(0));
        var reported = assertInstanceOf(MarcEntry.Broken.class, entries.get(1));
        assertEquals(2, reported.position());
        assertTrue(reported.reason().contains("leader/00-04"), reported.reason());
        assertInstanceOf(MarcEntry.Parsed.class, entries.get(2));
        assertEquals(3, entries.get(2).position());
    }

    @Test
    void aFileCutOffMidRecordReportsTheTruncatedTail() throws IOException {
        byte[] file = Files.readAllBytes(SharedData.file("idzebra-examples/marc21/sample-marc"));
        List<byte[]> records = Iso2709.splitRecords(file);
        byte[] cut = Arrays.copyOf(records.get(1), records.get(1).length / 2);
        var entries = readAll(new ByteArrayInputStream(concat(records.get(0), cut)));

        assertEquals(2, entries.size());
        var tail = assertInstanceOf(MarcEntry.Broken.class, entries.get(1));
        assertTrue(tail.reason().startsWith("truncated record"), tail.reason());
    }

    @Test
    void somethingThatIsNotMarcIsRefusedWithTheReason() {
        var e = assertThrows(NotMarcException.class,
                () -> readAll(new ByteArrayInputStream("%PDF-1.4 not a catalogue".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().contains("%PDF-1.4"), e.getMessage());
        assertThrows(NotMarcException.class, () -> readAll(new ByteArrayInputStream(new byte[0])));
    }

    /** Real broken files from marc4j, MARC::Record and Koha: each yields entries, never an exception. */
    @ParameterizedTest
    @ValueSource(strings = {
            "debian-src/MARC-Record-2.0.7/t/badldr.usmarc",
            "debian-src/MARC-Record-2.0.7/t/baddir.usmarc",
            "debian-src/MARC-Record-2.0.7/t/badind.usmarc",
            "debian-src/MARC-Record-2.0.7/t/cameleof.usmarc",
            "marc4j-test-resources/test/resources/bad_too_long_plus_2.mrc",
            "marc4j-test-resources/test/resources/bad_leaders_10_11.mrc",
            "marc4j-test-resources/test/resources/bad_oversize_field_bad_directory.mrc",
            "marc4j-test-resources/test/resources/chinese_mangled_multibyte.mrc",
            "marc4j-test-resources/test/resources/incomplete_esc_seq.mrc",
            "marc4j-test-resources/test/resources/unordered-directory-entries.mrc",
            "marc4j-test-resources/test/resources/pride-and-prejudice-with-many-errors.mrc",
            "marc4j-test-resources/test/resources/chabon-missing-datafield-tag.xml",
            "koha-misc4dev/koha-biblio-369-invalid-xml-control-char.xml",
    })
    void brokenFilesGiveDiagnosticsNeverExceptions(String file) throws IOException {
        var entries = readAll(open(SharedData.file(file)));
        assertFalse(entries.isEmpty(), "every file holds at least one record or one diagnostic");
        for (var e : entries) {
            if (e instanceof MarcEntry.Broken b) {
                assertFalse(b.reason().isBlank(), "a broken record says why");
            }
        }
    }

    @Test
    void xmlThatIsNotWellFormedStopsWithOneDiagnosticNamingWhere() throws IOException {
        var entries = readAll(open(SharedData.file("koha-misc4dev/koha-biblio-369-invalid-xml-control-char.xml")));
        var last = assertInstanceOf(MarcEntry.Broken.class, entries.getLast());
        assertTrue(last.reason().startsWith("XML is not well-formed"), last.reason());
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** CNMARC's 200 $A (pinyin of the title) must not turn into a second 200 $a on the way through. */
    @Test
    void upperCaseSubfieldCodesSurviveIso2709() throws IOException {
        String leader = "00000nam0 2200000   450 ";
        var factory = MarcFactory.newInstance();
        var record = factory.newRecord(leader);
        var f = factory.newDataField("200", '1', ' ');
        f.addSubfield(factory.newSubfield('a', "三体"));
        f.addSubfield(factory.newSubfield('A', "san ti"));
        record.addVariableField(f);
        var bytes = new ByteArrayOutputStream();
        var writer = new MarcStreamWriter(bytes, "UTF-8");
        writer.write(record);
        writer.close();

        var parsed = (MarcEntry.Parsed) readAll(new ByteArrayInputStream(bytes.toByteArray())).getFirst();
        var title = (DataField) parsed.record().getVariableField("200");
        assertEquals("三体", title.getSubfield('a').getData());
        assertEquals("san ti", title.getSubfield('A').getData());
    }
}
