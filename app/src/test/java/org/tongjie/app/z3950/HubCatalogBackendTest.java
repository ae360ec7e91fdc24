package org.tongjie.app.z3950;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.indexer.Catalog;
import org.tongjie.marc.Normalizer;
import org.tongjie.query.CatalogQuery;
import org.tongjie.query.Matches;
import org.tongjie.testing.SharedData;
import org.tongjie.z3950.RealClients;
import org.tongjie.z3950.FetchedRecord;
import org.tongjie.z3950.Peer;
import org.tongjie.z3950.Query;
import org.tongjie.z3950.RecordSyntax;
import org.tongjie.z3950.ZoomConnection;
import org.tongjie.z3950.ZoomResultSet;
import org.tongjie.z3950.ZoomTarget;
import org.tongjie.z3950.Z3950ServerProcess;

/**
 * The hub's Z39.50 server over a real catalogue: the 37 CNMARC records we catalogued (stored as MARCXML)
 * at one member and Koha's 435 MARC21 sample records (stored as ISO 2709) at another, indexed by the hub's
 * own Catalog in this JVM, which the server in its own JVM reads through the hub's loopback endpoint.
 * Driven by Debian's yaz-client and zoomsh and by our ZoomConnection.
 */
class HubCatalogBackendTest {
    private static final String KOHA_FILE = "koha-misc4dev/koha-sample-marc21-with-952-items.mrc";
    /** Tests that add records or depend on the ranking staying put between two searches. */
    private static final String CATALOGUE = "catalogue contents";
    private static final String CNMARC = "/demo/cnmarc-chinese-books-catalogued-by-tongjie.xml";

    @TempDir
    static Path workDir;
    private static Catalog catalog;
    private static HubZ3950Server hub;
    private static Z3950ServerProcess server;
    private static byte[] kohaFile;

    @BeforeAll
    static void startServerOverACatalogue() throws IOException {
        Peer.requireInstalled("/usr/bin/yaz-client", "yaz");
        Peer.requireInstalled("/usr/bin/zoomsh", "yaz");
        kohaFile = Files.readAllBytes(SharedData.file(KOHA_FILE));
        Path data = workDir.resolve("data");
        catalog = Catalog.open(data, Clock.systemUTC());
        catalog.libraries().save(library("central"));
        catalog.libraries().save(library("branch-koha").withRecordIdentity(RecordIdentity.KOHA_BIBLIONUMBER));
        catalog.libraries().save(library("branch-late"));
        try (InputStream cnmarc = HubCatalogBackendTest.class.getResourceAsStream(CNMARC)) {
            assertEquals(37, catalog.ingest().file("central", cnmarc, "cnmarc.xml").accepted());
        }
        assertTrue(catalog.ingest().file("branch-koha", new ByteArrayInputStream(kohaFile), "koha.mrc").accepted() > 400);
        var started = HubZ3950Server.start(catalog, workDir.resolve("z3950-server.log"), "127.0.0.1", freePort());
        hub = ((HubZ3950Server.Outcome.Running) started).server();
        server = hub.process();
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void yazClientFindsChineseTitlesAndShowsUnimarcAndMarcXml() throws Exception {
        String out = yazClient("find @attr 1=4 三体", "format unimarc", "show 1", "format xml", "show 1");

        assertTrue(out.contains("Number of hits: 3"), out);
        assertTrue(out.contains("200 1  $a 三体"), out);
        assertTrue(out.contains("Record type: XML"), out);
        assertTrue(out.contains("tag=\"200\"") && out.contains("code=\"a\">三体</"), out);
    }

    @Test
    void yazClientFindsByIsbnAuthorAndTitleAndShowsUsmarcAndMarcXml() throws Exception {
        String out = yazClient("find @attr 1=7 0-13-110370-9", "format usmarc", "show 1",
                "find @and @attr 1=1003 kernighan @attr 1=4 programming", "format xml", "show 1");

        assertEquals(2, count(out, "Number of hits: 1"), out);
        assertTrue(out.contains("245 14 $a The C programming language / $c Brian W. Kernighan, Dennis M. Ritchie."), out);
        assertTrue(out.contains("tag=\"245\" ind1=\"1\" ind2=\"4\">"), out);
        assertTrue(out.contains("code=\"a\">The C programming language /</"), out);
    }

    @Test
    void yazClientCombinesWithOrAndNotAndTruncatesAndFindsLocalNumbers() throws Exception {
        String out = yazClient("find @or @attr 1=4 三体 @attr 1=7 0131103709",
                "find @not @attr 1=4 三体 @attr 1=7 9787536692930",
                "find @attr 1=4 @attr 5=1 kernig",
                "find @attr 1=1003 @attr 5=1 kernig",
                "find @attr 1=12 TJ-CN-0001", "format unimarc", "show 1");

        assertTrue(out.contains("Number of hits: 4, setno 1"), out);
        assertTrue(out.contains("Number of hits: 2, setno 2"), out);
        assertTrue(out.contains("Number of hits: 0, setno 3"), out); // a title word is not an author's
        assertTrue(out.contains("Number of hits: 1, setno 4"), out);
        assertTrue(out.contains("Number of hits: 1, setno 5"), out);
        assertTrue(out.contains("001 TJ-CN-0001"), out);
    }

    @Test
    void yazClientFindsBySubjectIssnAndAnyFieldAndPhraseStructureKeepsWordOrder() throws Exception {
        String out = yazClient("find @attr 1=21 \"Perl (Computer program language)\"", "format usmarc", "show 1",
                "find @attr 1=8 00163929",
                "find @attr 1=1016 kernighan",
                "find @attr 1=4 @attr 4=1 \"c programming language\"",
                "find @attr 1=4 @attr 4=1 \"language programming c\"");

        assertTrue(hits(out, 1) > 0, out);
        assertTrue(out.contains("$a Perl (Computer program language)"), out);
        assertEquals(1, hits(out, 2), out);
        assertTrue(hits(out, 3) >= 1, out); // Kernighan as author, and in statements of responsibility
        assertTrue(hits(out, 4) > 0, out); // the first and second editions of the C book
        assertEquals(0, hits(out, 5), out); // the same words in another order are not the phrase
    }

    @Test
    void presentingPastTheEndOfAResultSetIsBib1Diagnostic13() throws Exception {
        String out = yazClient("find @attr 1=7 0131103709", "show 5");

        assertEquals(1, hits(out, 1), out);
        assertTrue(out.contains("[13]"), out);
    }

    private static int hits(String yazClientOutput, int setNumber) {
        var m = java.util.regex.Pattern.compile("Number of hits: (\\d+), setno " + setNumber + "\\b").matcher(yazClientOutput);
        if (!m.find()) {
            throw new AssertionError("no result set " + setNumber + " in:\n" + yazClientOutput);
        }
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aCnmarcRecordIsNotServedAsUsmarc() throws Exception {
        String out = yazClient("find @attr 1=7 9787536692930", "format usmarc", "show 1");

        assertTrue(out.contains("Number of hits: 1"), out);
        assertTrue(out.contains("[227]"), out);
    }

    @Test
    void zoomshFindsByIsbnAndShowsTheRecord() throws Exception {
        String out = run(List.of("/usr/bin/zoomsh", "connect 127.0.0.1:" + server.port(),
                "set preferredRecordSyntax unimarc", "search @attr 1=7 9787536692930", "show 0 1",
                "set preferredRecordSyntax usmarc", "search @attr 1=4 \"attic greek\"", "show 0 1", "quit"), "");

        assertTrue(out.contains(": 1 hits"), out);
        assertTrue(out.contains("200 1  $a 三体"), out);
        assertTrue(out.contains("245 10 $a Introduction to Attic Greek /"), out);
    }

    /**
     * USMARC is the member's record field for field, as its member catalogued it, with the union record's
     * copies as 852s after its fields (Koha's own 952 items stay too).
     */
    @Test
    void usmarcIsTheMembersRecordFieldForFieldWithAn852PerCopy() {
        Record original = new MarcStreamReader(new ByteArrayInputStream(kohaRecordWith("0131103709")), "UTF-8").next();
        int copies = catalog.search().find(CatalogQuery.Clause.of(CatalogQuery.Index.ISBN, "9780131103702"), 0, 1)
                .records().getFirst().holdings().size();
        try (ZoomConnection connection = ZoomConnection.open(target(RecordSyntax.USMARC));
             ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=7 9780131103702"))) {
            assertEquals(1, found.size());
            Record presented = new MarcStreamReader(new ByteArrayInputStream(found.records(0, 1).getFirst().raw()),
                    "UTF-8").next();
            List<String> fields = presented.getVariableFields().stream().map(Object::toString).toList();
            List<String> own = original.getVariableFields().stream().map(Object::toString).toList();
            assertEquals(own, fields.subList(0, own.size()));
            assertTrue(copies > 1, "the Koha record has several items");
            assertEquals(copies, presented.getVariableFields("852").size());
            assertEquals(copies, fields.size() - own.size());
        }
    }

    /**
     * The copy-cataloguing flow for a record a member sent as MARCXML: asked for as UNIMARC, it is made
     * ISO 2709, and marc4j and yaz-marcdump read the same title from those bytes.
     */
    @Test
    void aMarcXmlRecordFetchedAsUnimarcReadsBackWithMarc4jAndYazMarcdump() throws Exception {
        byte[] iso2709;
        try (ZoomConnection connection = ZoomConnection.open(target(RecordSyntax.UNIMARC));
             ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=7 9787536692930"))) {
            iso2709 = found.records(0, 1).getFirst().raw();
        }
        Record record = new MarcStreamReader(new ByteArrayInputStream(iso2709), "UTF-8").next();
        assertEquals("三体", ((DataField) record.getVariableField("200")).getSubfield('a').getData());
        assertEquals("TJ-CN-0001", record.getControlNumber());
        assertEquals(' ', record.getLeader().getCharCodingScheme(), "UNIMARC leader/09 as catalogued");

        Path file = Files.write(workDir.resolve("fetched-unimarc.mrc"), iso2709);
        String dumped = run(List.of("/usr/bin/yaz-marcdump", "-i", "marc", "-o", "line", file.toString()), "");
        assertTrue(dumped.contains("200 1  $a 三体 $A san ti $f 刘慈欣著"), dumped);
        assertTrue(dumped.contains("001 TJ-CN-0001"), dumped);
    }

    @Test
    void ourZoomClientGetsMarcXmlOfAnIso2709Record() throws Exception {
        try (ZoomConnection connection = ZoomConnection.open(target(RecordSyntax.XML));
             ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=1003 kernighan"))) {
            assertEquals(1, found.size());
            FetchedRecord fetched = found.records(0, 1).getFirst();
            Record record = new MarcXmlReader(new ByteArrayInputStream(fetched.raw())).next();
            Record original = new MarcStreamReader(new ByteArrayInputStream(kohaRecordWith("0131103709"))).next();
            assertEquals(original.getVariableField("245").toString(), record.getVariableField("245").toString());
            assertEquals('a', record.getLeader().getCharCodingScheme());
        }
    }

    /**
     * A large result set is counted exactly and its records past the first fetch window are presented in
     * the order the hub ranks them (not while another test adds a record, which would change the ranking's
     * statistics between the two searches).
     */
    @Test
    @ResourceLock(CATALOGUE)
    void aLargeResultSetCountsEveryHitAndPresentsFarIntoItInTheHubsOrder() {
        Matches expected = catalog.search().find(CatalogQuery.Clause.of(CatalogQuery.Index.ANY, "and"), 100, 5);
        assertTrue(expected.total() > 105, "the sample needs more hits than the first window: " + expected.total());

        try (ZoomConnection connection = ZoomConnection.open(target(RecordSyntax.XML));
             ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=1016 and"))) {
            assertEquals(expected.total(), found.size());
            List<FetchedRecord> presented = found.records(100, 5);
            assertEquals(5, presented.size());
            for (int i = 0; i < 5; i++) {
                BibRecord description = expected.records().get(i).description();
                assertEquals(description.localId(), localId(presented.get(i).raw(), description), "position " + (101 + i));
            }
        }
    }

    /** A presented record's id, read as its member reads its records (Koha's by biblionumber). */
    private static String localId(byte[] xml, BibRecord member) {
        RecordIdentity identity = member.libraryId().equals("branch-koha") ? RecordIdentity.KOHA_BIBLIONUMBER
                : RecordIdentity.CONTROL_NUMBER;
        return ((Normalizer.Identification.Usable) Normalizer.identify(
                new MarcXmlReader(new ByteArrayInputStream(xml)).next(), xml, identity)).localId();
    }

    /** GFS asks for each record of a Present; the backend fetches them from the hub in windows of 20. */
    @Test
    @ResourceLock(CATALOGUE)
    void aPresentAcrossSeveralFetchWindowsGivesEveryRecordInTheHubsOrder() {
        int wanted = 2 * HubCatalogBackend.WINDOW + 5;
        Matches expected = catalog.search().find(CatalogQuery.Clause.of(CatalogQuery.Index.ANY, "and"), 0, wanted);

        try (ZoomConnection connection = ZoomConnection.open(target(RecordSyntax.XML));
             ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=1016 and"))) {
            List<FetchedRecord> presented = found.records(3, wanted - 3);
            assertEquals(wanted - 3, presented.size());
            for (int i = 0; i < presented.size(); i++) {
                BibRecord description = expected.records().get(3 + i).description();
                assertEquals(description.localId(), localId(presented.get(i).raw(), description), "position " + (4 + i));
            }
        }
    }

    @Test
    @ResourceLock(CATALOGUE)
    void aRecordUploadedAfterTheServerStartedIsFound() {
        Record late = MarcFactory.newInstance().newRecord("00000nam a2200000 a 4500");
        MarcFactory marc = MarcFactory.newInstance();
        late.addVariableField(marc.newControlField("001", "late-0001"));
        DataField title = marc.newDataField("245", '1', '0');
        title.addSubfield(marc.newSubfield('a', "Zyzzogeton tales of the reopened index"));
        late.addVariableField(title);
        var bytes = new ByteArrayOutputStream();
        var writer = new MarcStreamWriter(bytes, "UTF-8");
        writer.write(late);
        writer.close();
        assertEquals(1, catalog.ingest().file("branch-late", new ByteArrayInputStream(bytes.toByteArray()), "late.mrc").accepted());

        try (ZoomConnection connection = ZoomConnection.open(target(RecordSyntax.USMARC));
             ZoomResultSet byTitle = connection.search(new Query.Pqf("@attr 1=4 zyzzogeton"));
             ZoomResultSet byLocalNumber = connection.search(new Query.Pqf("@attr 1=12 late-0001"))) {
            assertEquals(1, byTitle.size());
            assertEquals(1, byLocalNumber.size());
            assertArrayEquals(bytes.toByteArray(), byTitle.records(0, 1).getFirst().raw());
        }
    }

    private static ZoomTarget target(RecordSyntax syntax) {
        return ZoomTarget.of("127.0.0.1", server.port(), "Default").withSyntax(syntax)
                .withTimeout(Duration.ofSeconds(20));
    }

    /** The record of the Koha file carrying {@code isbn}, its bytes exactly as in the file. */
    private static byte[] kohaRecordWith(String isbn) {
        List<byte[]> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < kohaFile.length; i++) {
            if (kohaFile[i] == 0x1D) {
                records.add(Arrays.copyOfRange(kohaFile, start, i + 1));
                start = i + 1;
            }
        }
        List<byte[]> matching = records.stream()
                .filter(r -> new String(r, StandardCharsets.UTF_8).contains(isbn)).toList();
        assertEquals(1, matching.size(), "records with ISBN " + isbn);
        return matching.getFirst();
    }

    private static Library library(String id) {
        return new Library(id, id + "图书馆", id + " library", LibraryKind.BRANCH, Optional.empty(), "", Optional.empty());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String yazClient(String... commands) throws IOException, InterruptedException {
        return RealClients.yazClient(server, workDir, StandardCharsets.UTF_8, commands);
    }

    private static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        return RealClients.run(server, workDir, StandardCharsets.UTF_8, command, stdin);
    }
}
