package org.tongjie.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongjie.catalog.NotMarcException;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.testing.SharedData;

/**
 * Every MARC file in ../shared/data goes through ingest: nothing throws, every record is accounted for
 * (stored or quarantined with a reason), and the files whose contents are known come out with the counts
 * their publishers give.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class RealDataCorpusTest {
    private static final Pattern MARC_FILES = Pattern.compile(".*\\.(mrc|marc|usmarc|xml|iso|u8)$");
    private static final Pattern NOT_RECORDS = Pattern.compile(".*(\\.xsd|iso18626|cql|oai-caltech|dom-config|yazgfs|zebra\\.cfg).*");

    Catalog catalog;
    final AtomicInteger members = new AtomicInteger();

    @BeforeAll
    void open(@TempDir Path dataDir) {
        catalog = Catalog.open(dataDir, Clock.systemUTC());
    }

    @AfterAll
    void close() throws IOException {
        catalog.close();
    }

    static Stream<String> marcFiles() throws IOException {
        Path root = SharedData.root();
        if (!Files.isDirectory(root)) {
            return Stream.of("(shared data not present)");
        }
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(f -> MARC_FILES.matcher(f).matches() && !NOT_RECORDS.matcher(f).matches())
                    .sorted().toList().stream();
        }
    }

    /** Files from many sources: a record without a 001 is known by its content rather than quarantined. */
    IngestReport ingest(String file) throws IOException {
        return ingest(file, RecordIdentity.parse("001 or content"));
    }

    IngestReport ingest(String file, RecordIdentity identity) throws IOException {
        String member = "m" + members.incrementAndGet();
        catalog.libraries().save(new Library(member, member, member, LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty())
                .withRecordIdentity(identity));
        try (InputStream in = Files.newInputStream(SharedData.file(file))) {
            return catalog.ingest().file(member, in, "corpus");
        }
    }

    static int total(IngestReport r) {
        return r.accepted() + r.updated() + r.unchanged() + r.deleted() + r.quarantined();
    }

    @ParameterizedTest
    @MethodSource("marcFiles")
    void everyFileIngestsWithEveryRecordAccountedFor(String file) throws IOException {
        SharedData.folder("");
        IngestReport report;
        try {
            report = ingest(file);
        } catch (NotMarcException e) {
            assertFalse(e.getMessage().isBlank());
            return;
        }
        assertTrue(total(report) > 0, "a file yields at least one record or one diagnostic");
        assertEquals(report.quarantined(), report.problems().size());
        report.problems().forEach(p -> assertFalse(p.reason().isBlank(), "quarantine without a reason in " + file));
    }

    /**
     * Counts from the data's README (and yaz-marcdump); quarantined ones named by kind in the comment. Each file
     * is sent by a member with the record identity its library system calls for (Koha: 999 $c).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pool/pool-marc21-utf8.mrc                                        | 001 or content | 1092 | 26   # one authority record; 25 records repeat another's 001 with other bytes (the pool unites sets that overlap)
            koha-misc4dev/koha-sample-marc21-with-952-items.mrc              | 999$c          | 435  | 0
            koha-misc4dev/koha-sample-marc21-with-952-items.xml              | 999$c          | 435  | 0
            idzebra-examples/marc21/sample-marc                              | 001            | 24   | 0
            marc4j-test-resources/test/resources/pride-and-prejudice-fixed.mrc | 001 or content | 383 | 0
            pool/pride-cmarc-like-unimarc-records.mrc                        | 001 or content | 17   | 0
            xbib-marc-test-resources/dialects/unimarc/periouni.mrc           | 001 or content | 3064 | 11   # 11 repeat an earlier record's 001 with other bytes (two versions of one serial)
            xbib-marc-test-resources/zdblokutf8.mrc                          | 001 or content | 293  | 293  # 292 holdings records and a cut-off 293rd
            xbib-marc-test-resources/xml/zdb-oai-marc.xml-marcxchange.xml    | 001 or content | 50   | 0    # MarcXchange
            marc4j-test-resources/test/resources/bad_hathi_records.mrc       | 001 or content | 5    | 0    # one record of 1,096,887 bytes
            koha-misc4dev/koha-biblio-369-invalid-xml-control-char.xml       | 999$c          | 1    | 1    # not well-formed XML
            """)
    void knownFilesGiveTheirKnownCounts(String file, String identity, int records, String quarantinedAndComment)
            throws IOException {
        int quarantined = Integer.parseInt(quarantinedAndComment.replaceFirst("#.*", "").strip());
        var report = ingest(file, RecordIdentity.parse(identity));
        assertEquals(records, total(report), report.toString());
        assertEquals(quarantined, report.quarantined(), report.problems().toString());
    }
}
