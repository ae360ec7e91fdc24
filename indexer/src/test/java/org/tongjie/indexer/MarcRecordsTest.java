package org.tongjie.indexer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.NotMarcException;
import org.tongjie.catalog.RecordSyntax;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.testing.Fixtures;
import org.tongjie.testing.Required;
import org.tongjie.testing.SharedData;

/** What other modules get of the hub's MARC handling: reading, describing, and a stored record served again. */
class MarcRecordsTest {
    static byte[] marc21(String id, String title) {
        MarcFactory factory = MarcFactory.newInstance();
        Record record = factory.newRecord("00000nam a2200000 a 4500");
        record.addVariableField(factory.newControlField("001", id));
        var f245 = factory.newDataField("245", '1', '0');
        f245.addSubfield(factory.newSubfield('a', title));
        record.addVariableField(f245);
        var out = new ByteArrayOutputStream();
        var writer = new MarcStreamWriter(out, "UTF-8");
        writer.write(record);
        writer.close();
        return out.toByteArray();
    }

    static SourceRecord stored(RecordSyntax syntax, byte[] raw) {
        return new SourceRecord("lib", "1", syntax, raw, Instant.EPOCH, false);
    }

    @Test
    void aStreamIsReadRecordByRecordAndEachIsDescribedAsTheHubIndexesIt() throws Exception {
        byte[] file = Files.readAllBytes(Fixtures.cnmarcChineseBooks());
        try (var records = MarcRecords.read(new ByteArrayInputStream(file))) {
            List<MarcRecords.Read> read = records.toList();
            assertEquals(37, read.size());
            assertEquals(1, read.getFirst().position());
            assertEquals(RecordSyntax.MARCXML, read.getFirst().syntax());
            var described = MarcRecords.describe("lib", read.getFirst()).orElseThrow();
            assertEquals("lib", described.libraryId());
            assertTrue(!described.titles().isEmpty());
        }
        assertThrows(NotMarcException.class, () -> MarcRecords.read(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anIso2709RecordIsServedAsSentAndItsProfileIsChecked() {
        byte[] raw = marc21("b1", "Bytes as sent");
        var source = stored(RecordSyntax.ISO2709, raw);

        assertEquals(MarcProfile.MARC21, MarcRecords.profile(source));
        assertArrayEquals(raw, MarcRecords.iso2709(source, MarcProfile.MARC21));
        var wrong = assertThrows(MarcRecords.WrongProfileException.class, () -> MarcRecords.iso2709(source, MarcProfile.UNIMARC));
        assertEquals(MarcProfile.MARC21, wrong.profile());
        String xml = new String(MarcRecords.marcXml(source), StandardCharsets.UTF_8);
        assertTrue(xml.contains(">Bytes as sent<"), xml);
    }

    @Test
    void aMarcXmlRecordIsWrittenAsIso2709InUtf8() {
        byte[] xml = MarcRecords.marcXml(stored(RecordSyntax.ISO2709, marc21("b2", "Written again")));
        byte[] iso = MarcRecords.iso2709(stored(RecordSyntax.MARCXML, xml), MarcProfile.MARC21);

        Record back = new MarcStreamReader(new ByteArrayInputStream(iso), "UTF-8").next();
        assertEquals('a', back.getLeader().getCharCodingScheme(), "leader/09 says UTF-8");
        assertEquals("b2", back.getControlNumber());
    }

    @Test
    void aStoredRecordThatNoLongerReadsIsUnusable() {
        var garbage = stored(RecordSyntax.ISO2709, "not a record".getBytes(StandardCharsets.UTF_8));
        assertThrows(MarcRecords.UnusableRecordException.class, () -> MarcRecords.marcXml(garbage));
    }

    /** yaz-marcdump writes a record's fields in directory order; so do we, where marc4j reads them by data offset. */
    @Test
    void fieldsComeInTheDirectorysOrderAsYazMarcdumpWritesThem() throws Exception {
        Path file = SharedData.file("marc4j-test-resources/test/resources/unordered-directory-entries.mrc");
        Required.program("/usr/bin/yaz-marcdump", "yaz");
        Process dump = new ProcessBuilder("/usr/bin/yaz-marcdump", "-o", "marcxml", file.toString()).start();
        String yaz = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, dump.waitFor());
        var yazFields = new ArrayList<String>();
        Matcher m = Pattern.compile("<datafield tag=\"(\\d{3})\"[^>]*>\\s*<subfield code=\"(.)\">([^<]*)<").matcher(yaz);
        while (m.find()) {
            yazFields.add(m.group(1) + "$" + m.group(2) + m.group(3));
        }
        SourceRecord source = stored(RecordSyntax.ISO2709, Files.readAllBytes(file));
        List<String> ours = MarcRecords.record(source).getDataFields().stream()
                .map(f -> f.getTag() + "$" + f.getSubfields().getFirst().getCode() + f.getSubfields().getFirst().getData()).toList();
        assertEquals(yazFields, ours);
        assertTrue(ours.indexOf("020$a9781561457953 (lib. bdg.) :") < ours.indexOf("020$a1561457957 (lib. bdg.) :"), ours.toString());
        String xml = new String(MarcRecords.marcXml(source), StandardCharsets.UTF_8);
        assertTrue(xml.indexOf("9781561457953") < xml.indexOf(">1561457957"), "the MARCXML served over Z39.50 too");
    }
}
