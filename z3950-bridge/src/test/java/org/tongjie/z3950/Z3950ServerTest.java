package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.testing.SharedData;

/**
 * Our Z39.50 server (YAZ GFS through FFM upcalls, in its own JVM) over the test backend holding the 24
 * Library of Congress records, driven by Debian's real clients yaz-client and zoomsh and by our own
 * ZoomConnection.
 */
class Z3950ServerTest {
    @TempDir
    static Path workDir;
    private static Z3950ServerProcess server;
    private static InMemoryTestBackend expected;

    @BeforeAll
    static void startServer() {
        Peer.requireInstalled("/usr/bin/yaz-client", "yaz");
        Peer.requireInstalled("/usr/bin/zoomsh", "yaz");
        Path sample = SharedData.file("idzebra-examples/marc21/sample-marc").toAbsolutePath().normalize();
        expected = new InMemoryTestBackend(sample);
        server = Z3950ServerProcess.start("127.0.0.1", Peer.freePort(), InMemoryTestBackend.Factory.class,
                List.of(sample.toString()), workDir.resolve("z3950-server.log"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static long expectedHits(String pqf) {
        return expected.matches(PqfParser.parse(pqf)).cardinality();
    }

    @Test
    void yazClientFindsTitlesAndShowsUsmarcAndMarcXml() throws Exception {
        long hits = expectedHits("@attr 1=4 computer");
        assertTrue(hits > 1 && hits < 24, "the sample should have some computer titles: " + hits);

        String out = yazClient("find @attr 1=4 computer", "format usmarc", "show 1", "format xml", "show 2");

        assertTrue(out.contains("Number of hits: " + hits), out);
        assertTrue(out.contains("245 10 $a How to program a computer"), out);
        assertTrue(out.contains("Record type: XML"), out);
        assertTrue(out.contains("<marc:datafield tag=\"245\" ind1=\"1\" ind2=\"0\">"
                + "<marc:subfield code=\"a\">How to program a computer</marc:subfield>"), out);
    }

    @Test
    void yazClientCombinesAuthorAndTitleWithBooleans() throws Exception {
        String and = "@and @attr 1=1003 collins @attr 1=4 computer";
        String or = "@or @attr 1=4 bible @attr 1=4 psalms";
        String not = "@not @attr 1=4 computer @attr 1=1003 collins";

        String out = yazClient("find " + and, "find " + or, "find " + not);

        assertEquals(2, expectedHits(and));
        assertTrue(out.contains("Number of hits: 2, setno 1"), out);
        assertTrue(out.contains("Number of hits: " + expectedHits(or) + ", setno 2"), out);
        assertTrue(out.contains("Number of hits: " + expectedHits(not) + ", setno 3"), out);
    }

    @Test
    void yazClientFindsIsbnLocalNumberAndRightTruncation() throws Exception {
        String out = yazClient("find @attr 1=7 0839108826", "show 1", "find @attr 1=12 ACD-3837",
                "find @attr 1=4 @attr 5=1 comput");

        assertTrue(out.contains("Number of hits: 1, setno 1"), out);
        assertTrue(out.contains("$a Reconstruction tomography"), out);
        assertTrue(out.contains("Number of hits: " + expectedHits("@attr 1=12 ACD-3837") + ", setno 2"), out);
        assertTrue(out.contains("Number of hits: " + expectedHits("@attr 1=4 @attr 5=1 comput") + ", setno 3"), out);
    }

    @Test
    void yazClientPrintsBib1DiagnosticsForWhatWeDoNotServe() throws Exception {
        String out = yazClient("find @attr 1=9999 computer", "find @attr 1=4 @attr 5=2 puter",
                "find @attr 1=4 computer", "format sutrs", "show 1");

        assertTrue(out.contains("[114] Unsupported Use attribute -- v2 addinfo '9999'"), out);
        assertTrue(out.contains("[120] Unsupported Truncation attribute -- v2 addinfo '2'"), out);
        assertTrue(out.contains("[238] Record not available in requested syntax -- v2 addinfo '1.2.840.10003.5.101'"),
                out);
    }

    @Test
    void zoomshSearchesAndShowsRecords() throws Exception {
        long hits = expectedHits("@attr 1=4 computer");

        String out = run(List.of("/usr/bin/zoomsh", "connect 127.0.0.1:" + server.port(),
                "search @attr 1=4 computer", "show 0 1", "quit"), "");

        assertTrue(out.contains(": " + hits + " hits"), out);
        assertTrue(out.contains("245 10 $a How to program a computer"), out);
    }

    /** An unknown use fails the search; an unknown syntax is a surrogate diagnostic in the record's place. */
    @Test
    void zoomshReportsUnsupportedUseAttributeAndSyntax() throws Exception {
        String out = run(List.of("/usr/bin/zoomsh", "connect 127.0.0.1:" + server.port(),
                "search @attr 1=9999 computer", "set preferredRecordSyntax sutrs", "search @attr 1=4 computer",
                "show 0 1", "quit"), "");

        assertTrue(out.contains("error: Unsupported Use attribute (Bib-1:114) 9999"), out);
        assertTrue(out.contains("0 Default: Record not available in requested syntax (Bib-1:238) 1.2.840.10003.5.101"),
                out);
    }

    @Test
    void ourZoomClientReadsRecordsTheBackendHolds() {
        ZoomTarget target = ZoomTarget.of("127.0.0.1", server.port(), "Default")
                .withSyntax(RecordSyntax.USMARC).withTimeout(Duration.ofSeconds(10));
        try (ZoomConnection connection = ZoomConnection.open(target);
             ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=7 0839108826"))) {
            assertEquals(1, found.size());
            FetchedRecord record = found.records(0, 1).getFirst();
            assertTrue(MarcFiles.title(MarcFiles.iso2709(record.raw())).startsWith("Reconstruction tomography"));
        }
    }

    @Test
    void twoResultSetsOnOneConnectionKeepTheirOwnRecords() {
        ZoomTarget target = ZoomTarget.of("127.0.0.1", server.port(), "Default")
                .withSyntax(RecordSyntax.USMARC).withTimeout(Duration.ofSeconds(10));
        try (ZoomConnection connection = ZoomConnection.open(target);
             ZoomResultSet isbn = connection.search(new Query.Pqf("@attr 1=7 0839108826"));
             ZoomResultSet author = connection.search(new Query.Pqf("@attr 1=1003 collins"))) {
            assertEquals("How to program a computer",
                    MarcFiles.title(MarcFiles.iso2709(author.records(0, 1).getFirst().raw())));
            assertTrue(MarcFiles.title(MarcFiles.iso2709(isbn.records(0, 1).getFirst().raw()))
                    .startsWith("Reconstruction tomography"));
        }
    }

    @Test
    void ourZoomClientGetsMarcXml() {
        ZoomTarget target = ZoomTarget.of("127.0.0.1", server.port(), "Default")
                .withSyntax(RecordSyntax.XML).withTimeout(Duration.ofSeconds(10));
        try (ZoomConnection connection = ZoomConnection.open(target);
             ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=1003 collins"))) {
            assertEquals(2, found.size());
            byte[] xml = found.records(0, 1).getFirst().raw();
            assertEquals("How to program a computer", MarcFiles.title(MarcFiles.marcXml(xml)));
        }
    }

    @Test
    void ourZoomClientSeesTheDiagnosticForAnUnsupportedUseAttribute() {
        ZoomTarget target = ZoomTarget.of("127.0.0.1", server.port(), "Default")
                .withTimeout(Duration.ofSeconds(10));
        try (ZoomConnection connection = ZoomConnection.open(target)) {
            ZoomException e = assertThrows(ZoomException.class,
                    () -> connection.search(new Query.Pqf("@attr 1=9999 x")).close());
            assertTrue(e.getMessage().contains("114") && e.getMessage().contains("9999"), e.getMessage());
        }
    }

    private static String yazClient(String... commands) throws IOException, InterruptedException {
        return RealClients.yazClient(server, workDir, StandardCharsets.ISO_8859_1, commands);
    }

    private static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        return RealClients.run(server, workDir, StandardCharsets.ISO_8859_1, command, stdin);
    }
}
