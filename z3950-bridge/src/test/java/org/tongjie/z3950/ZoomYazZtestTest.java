package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The client against yaz-ztest, YAZ's test target: its hit count is the query's numeric term. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZoomYazZtestTest {
    private Peer ztest;
    private ZoomTarget target;

    @BeforeAll
    void startZtest(@TempDir Path dir) {
        Peer.requireInstalled("/usr/bin/yaz-ztest", "yaz");
        ztest = Peer.start(dir, "/usr/bin/yaz-ztest");
        target = ZoomTarget.of("127.0.0.1", ztest.port(), "Default").withTimeout(Duration.ofSeconds(10));
    }

    @AfterAll
    void stopZtest() {
        if (ztest != null) {
            ztest.close();
        }
    }

    @Test
    void theHitCountFollowsTheTerm() {
        try (ZoomConnection connection = ZoomConnection.open(target)) {
            for (long hits : List.of(0L, 1L, 10L, 1_000_000L)) {
                try (ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=4 " + hits))) {
                    assertEquals(hits, found.size());
                }
            }
        }
    }

    @Test
    void sixtyRecordsComeInPresentChunksInOrder() {
        try (ZoomConnection connection = ZoomConnection.open(target);
             ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=4 60"))) {
            List<FetchedRecord> first = found.records(0, 35);
            List<FetchedRecord> rest = found.records(35, 25);

            assertEquals(LongStream.range(0, 60).boxed().toList(),
                    Stream.concat(first.stream(), rest.stream()).map(FetchedRecord::position).toList());
            for (FetchedRecord fetched : first) {
                assertEquals(RecordSyntax.USMARC, fetched.syntax());
                assertEquals(fetched.raw().length, leaderLength(fetched.raw()), "record length in the leader");
                MarcFiles.iso2709(fetched.raw());
            }
        }
    }

    @Test
    void pastTheEndThereAreFewerRecordsAndThenNone() {
        try (ZoomConnection connection = ZoomConnection.open(target);
             ZoomResultSet three = connection.search(new Query.Pqf("3"))) {
            assertEquals(1, three.records(2, 10).size());
            assertEquals(List.of(), three.records(3, 10));
            assertEquals(List.of(), three.records(0, 0));
            assertThrows(IllegalArgumentException.class, () -> three.records(-1, 1));
        }
    }

    /** ztest's count follows a CQL query only when it is a bare number; "title=7" finds 22, "title=computer" 2. */
    @Test
    void ztestParsesCqlItself() {
        try (ZoomConnection connection = ZoomConnection.open(target);
             ZoomResultSet found = connection.search(new Query.Cql("7"))) {
            assertEquals(7, found.size());
            assertEquals(2, found.records(0, 2).size());
        }
    }

    @Test
    void marcxmlIsConvertedFromUsmarcAndHoldsTheSameTitle() {
        FetchedRecord marc = first(target);
        FetchedRecord xml = first(target.withSyntax(RecordSyntax.MARCXML));

        assertEquals(RecordSyntax.MARCXML, xml.syntax());
        assertEquals(MarcFiles.title(MarcFiles.iso2709(marc.raw())), MarcFiles.title(MarcFiles.marcXml(xml.raw())));
    }

    @Test
    void ztestsXmlSyntaxIsMarcxml() {
        FetchedRecord xml = first(target.withSyntax(RecordSyntax.XML));

        assertEquals(RecordSyntax.XML, xml.syntax());
        assertEquals("How to program a computer", MarcFiles.title(MarcFiles.marcXml(xml.raw())));
        assertTrue(new String(xml.raw(), StandardCharsets.UTF_8).startsWith("<record xmlns=\"http://www.loc.gov/MARC21/slim\">"));
    }

    @Test
    void askedForUnimarcZtestAnswersUsmarcAndTheRecordSaysSo() {
        assertEquals(RecordSyntax.USMARC, first(target.withSyntax(RecordSyntax.UNIMARC)).syntax());
    }

    @Test
    void anUnknownDatabaseIsBib1Diagnostic109NamingIt() {
        ZoomTarget nope = new ZoomTarget("127.0.0.1", ztest.port(), "Nope", RecordSyntax.USMARC,
                Optional.empty(), Duration.ofSeconds(10));
        try (ZoomConnection connection = ZoomConnection.open(nope)) {
            ZoomException refused = assertThrows(ZoomException.class, () -> connection.search(new Query.Pqf("5")));
            assertEquals("127.0.0.1:" + ztest.port() + "/Nope: Database unavailable (Bib-1 109): Nope",
                    refused.getMessage());
            assertEquals(109, refused.code());
            assertEquals("Nope", refused.addinfo());
        }
    }

    @Test
    void malformedPqfFailsBeforeAnythingIsSent() {
        try (ZoomConnection connection = ZoomConnection.open(target)) {
            ZoomException invalid = assertThrows(ZoomException.class,
                    () -> connection.search(new Query.Pqf("@attr 1=4 @and")));
            assertEquals(10010, invalid.code());
            assertEquals("ZOOM-C", invalid.diagnosticSet());
            assertTrue(invalid.getMessage().endsWith(": @attr 1=4 @and"), invalid.getMessage());
        }
    }

    @Test
    void closingTheConnectionClosesItsResultSetsAndBothMayBeClosedAgain() {
        ZoomConnection connection = ZoomConnection.open(target);
        ZoomResultSet found = connection.search(new Query.Pqf("5"));
        connection.close();

        assertThrows(IllegalStateException.class, () -> found.records(0, 1));
        assertThrows(IllegalStateException.class, () -> connection.search(new Query.Pqf("5")));
        found.close();
        connection.close();
    }

    private static FetchedRecord first(ZoomTarget target) {
        try (ZoomConnection connection = ZoomConnection.open(target);
             ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=4 1"))) {
            return found.records(0, 1).getFirst();
        }
    }

    private static int leaderLength(byte[] iso2709) {
        return Integer.parseInt(new String(iso2709, 0, 5, StandardCharsets.US_ASCII));
    }
}
