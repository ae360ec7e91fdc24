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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.testing.SharedData;

/**
 * Issue 18: what the lenient reader repairs in a record it stores is a warning on that record in the upload
 * report, so a member learns what to fix in its own system; a file with injected errors is not reported clean.
 */
class RepairWarningsTest {
    static final String AUSTEN = "marc4j-test-resources/test/resources/pride-and-prejudice-fixed.mrc";
    static final String AUSTEN_WITH_ERRORS = "marc4j-test-resources/test/resources/pride-and-prejudice-with-many-errors.mrc";

    @TempDir
    Path dataDir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dataDir, Clock.systemUTC());
        catalog.libraries().save(new Library("m", "m", "m", LibraryKind.BRANCH, Optional.empty(), "", Optional.empty()));
    }

    @AfterEach
    void close() throws IOException {
        catalog.close();
    }

    /** 245 $A (MarcEdit and yaz-marclint flag it) is read as $a: the title is kept, and the report says so. */
    @Test
    void anUpperCaseSubfieldCodeIsReadAsLowerCaseWithAWarning() throws IOException {
        byte[] file = firstRecordWithUpperCaseTitleCode();
        var report = catalog.ingest().file("m", new ByteArrayInputStream(file), "test");
        assertEquals(1, report.accepted());
        assertEquals(List.of("subfield code $A in field 245 read as $a (MARC21 defines lower-case codes only)"),
                report.warnings().stream().map(IngestReport.Warning::repair).toList());
        assertEquals("UkOxUb10768856", report.warnings().getFirst().sourceId());
        var parsed = (MarcEntry.Parsed) MarcSource.parseOne(file).orElseThrow();
        assertEquals("Complete novels of Jane Austen", Normalizer.normalize("m", parsed).orElseThrow().displayTitle());
    }

    @Test
    void aFileWithInjectedErrorsIsNotReportedClean() throws IOException {
        var clean = catalog.ingest().file("m", Files.newInputStream(SharedData.file(AUSTEN)), "test");
        assertEquals(List.of(), clean.warnings(), "the fixed file needs no repair");
        var report = catalog.ingest().file("m", Files.newInputStream(SharedData.file(AUSTEN_WITH_ERRORS)), "test");
        System.out.println("Austen with injected errors: " + report.warnings().size() + " repairs in "
                + report.warnings().stream().map(IngestReport.Warning::position).distinct().count() + " records, e.g. "
                + report.warnings().stream().limit(5).map(IngestReport.Warning::repair).toList());
        assertTrue(report.warnings().size() >= 20, "warnings: " + report.warnings().size());
    }

    private static byte[] firstRecordWithUpperCaseTitleCode() throws IOException {
        try (InputStream in = Files.newInputStream(SharedData.file(AUSTEN)); var source = MarcSource.open(in)) {
            var record = ((MarcEntry.Parsed) source.next()).record();
            ((DataField) record.getVariableField("245")).getSubfield('a').setCode('A');
            var out = new ByteArrayOutputStream();
            var writer = new MarcStreamWriter(out, "UTF-8");
            writer.write(record);
            writer.close();
            return out.toByteArray();
        }
    }
}
