package org.tongjie.app.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.indexer.Catalog;
import org.tongjie.query.CatalogQuery;
import org.tongjie.query.Matches;
import org.tongjie.testing.SharedData;
import org.tongjie.z3950.Peer;
import org.tongjie.z3950.RealClients;
import org.tongjie.z3950.RpnQuery;
import org.tongjie.z3950.Z3950ServerProcess;

/**
 * What a library's Z39.50 client does with the hub beyond search, driven by Debian's yaz-client and zoomsh
 * over a mixed catalogue: Austen's works from many agencies (MARC21 and 17 Taiwanese CMARC records), Koha's
 * MARC21 samples with their items, Sciences Po's UNIMARC serials, and our CNMARC books with the same books
 * catalogued abroad in MARC21.
 * Presents that mix families, holdings in USMARC and OPAC records, Scan, Sort, element sets, unknown
 * databases and deleting result sets.
 */
class HubZ3950ServicesTest {
    private static final String AUSTEN = "marc4j-test-resources/test/resources/pride-and-prejudice-fixed.mrc";
    private static final String KOHA = "koha-misc4dev/koha-sample-marc21-with-952-items.mrc";
    private static final String SERIALS = "xbib-marc-test-resources/dialects/unimarc/periouni.mrc";
    /** A broad query over the mixed catalogue: more than 300 union records of both families. */
    private static final String BROAD = "@or @or @attr 1=1003 austen @attr 1=1016 the @attr 1=4 revue";

    @TempDir
    static Path workDir;
    private static Catalog catalog;
    private static HubZ3950Server hub;
    private static Z3950ServerProcess server;

    @BeforeAll
    static void startServerOverAMixedCatalogue() throws IOException {
        Peer.requireInstalled("/usr/bin/yaz-client", "yaz");
        Peer.requireInstalled("/usr/bin/zoomsh", "yaz");
        catalog = Catalog.open(workDir.resolve("data"), Clock.systemUTC());
        catalog.libraries().save(library("austen"));
        catalog.libraries().save(library("koha").withRecordIdentity(RecordIdentity.KOHA_BIBLIONUMBER));
        catalog.libraries().save(library("central"));
        catalog.libraries().save(library("abroad"));
        catalog.libraries().save(library("serials"));
        try (InputStream austen = Files.newInputStream(SharedData.file(AUSTEN));
             InputStream koha = Files.newInputStream(SharedData.file(KOHA));
             InputStream serials = Files.newInputStream(SharedData.file(SERIALS));
             InputStream cnmarc = HubZ3950ServicesTest.class.getResourceAsStream("/demo/cnmarc-chinese-books-catalogued-by-tongjie.xml");
             InputStream marc21 = HubZ3950ServicesTest.class.getResourceAsStream("/demo/marc21-chinese-books-catalogued-abroad.xml")) {
            assertTrue(catalog.ingest().file("austen", austen, "austen.mrc").accepted() > 300);
            assertTrue(catalog.ingest().file("koha", koha, "koha.mrc").accepted() > 400);
            assertTrue(catalog.ingest().file("serials", serials, "periouni.mrc").accepted() > 2500);
            assertEquals(37, catalog.ingest().file("central", cnmarc, "cnmarc.xml").accepted());
            assertTrue(catalog.ingest().file("abroad", marc21, "marc21.xml").accepted() > 0);
        }
        var started = HubZ3950Server.start(catalog, workDir.resolve("z3950.log"), "127.0.0.1", freePort());
        hub = ((HubZ3950Server.Outcome.Running) started).server();
        server = hub.process();
    }

    @AfterAll
    static void stop() throws IOException {
        if (hub != null) {
            hub.close();
        }
        if (catalog != null) {
            catalog.close();
        }
    }

    /**
     * 300 records of both families presented in USMARC at once: every union record holding a MARC21
     * record comes as USMARC, each of the others as a surrogate diagnostic 227 in its place; the batch
     * never fails as a whole.
     */
    @Test
    void aMixedPresentOf300InUsmarcGivesEveryMarc21RecordAndASurrogateDiagnosticForEachOther() throws Exception {
        Matches all = catalog.search().find(RpnQueries.of(RpnQuery.fromPqf(BROAD)), 0, 3_000);
        assertTrue(all.total() > 300 && all.total() <= 3_000, "hits: " + all.total());
        int start = mostMixed(all.records(), 300);
        long withoutMarc21 = all.records().subList(start, start + 300).stream()
                .filter(u -> !holds(u, MarcProfile.MARC21)).count();
        assertTrue(withoutMarc21 >= 30 && withoutMarc21 <= 270, "the 300 must mix both families: " + withoutMarc21);

        String out = yazClient("find " + BROAD, "format usmarc", "show " + (start + 1) + "+300");

        assertTrue(out.contains("Records: 300"), tail(out));
        assertEquals(300 - withoutMarc21, count(out, "Record type: USmarc"), tail(out));
        assertEquals(withoutMarc21, count(out, "[227] No data available in requested record syntax"), tail(out));
        assertTrue(out.contains("nextResultSetPosition = " + (start + 301)), "the present did not stop early");
    }

    /** The 0-based start of the window of {@code size} records where the two families are most evenly mixed. */
    private static int mostMixed(List<UnionRecord> records, int size) {
        int best = 0;
        long most = -1;
        for (int start = 0; start + size <= records.size(); start++) {
            long unimarcOnly = records.subList(start, start + size).stream().filter(u -> !holds(u, MarcProfile.MARC21)).count();
            long here = Math.min(unimarcOnly, size - unimarcOnly);
            if (here > most) {
                most = here;
                best = start;
            }
        }
        return best;
    }

    @Test
    void zoomshPresentsAMixedStretchInUnimarcWithSurrogatesForMarc21OnlyRecords() throws Exception {
        Matches first = catalog.search().find(RpnQueries.of(RpnQuery.fromPqf(BROAD)), 0, 50);
        long unimarc = first.records().stream().filter(u -> holds(u, MarcProfile.UNIMARC)).count();

        String out = RealClients.run(server, workDir, StandardCharsets.UTF_8, List.of("/usr/bin/zoomsh",
                "connect 127.0.0.1:" + server.port(), "set preferredRecordSyntax unimarc", "search " + BROAD,
                "show 0 50", "quit"), "");

        assertEquals(unimarc, count(out, "Unimarc"), out);
        assertEquals(50 - unimarc, count(out, "(Bib-1:227)"), out);
    }

    /** 三体 is described by our CNMARC record, and its cluster holds a MARC21 record from abroad: both syntaxes serve it. */
    @Test
    void aUnionRecordWithMembersOfBothFamiliesIsServedInEitherSyntaxFromTheMatchingMember() throws Exception {
        String out = yazClient("find @attr 1=7 9787536692930", "format usmarc", "show 1", "format unimarc", "show 1");

        assertTrue(out.contains("Number of hits: 1"), out);
        assertTrue(out.contains("245 10 $6 880-02 $a San ti /"), out);
        assertTrue(out.contains("200 1  $a 三体"), out);
        assertFalse(out.contains("[227]"), out);
    }

    /** Every copy of the union record as an 852, where SRU and OAI-PMH put them, in USMARC as in UNIMARC. */
    @Test
    void presentedRecordsCarryAn852PerCopy() throws Exception {
        UnionRecord union = onlyRecord("@attr 1=7 0-13-110370-9");
        String out = yazClient("find @attr 1=7 0-13-110370-9", "format usmarc", "show 1");

        assertEquals(union.holdings().size(), count(out, "852    $a koha $b "), out);
        assertTrue(union.holdings().size() > 1, "the Koha record has several items");
        assertTrue(out.contains("852    $a koha $b " + union.holdings().getFirst().servicePoint()), out);
    }

    @Test
    void theOpacSyntaxGivesTheRecordWithOneHoldingPerCopy() throws Exception {
        UnionRecord union = onlyRecord("@attr 1=7 0-13-110370-9");
        String out = yazClient("find @attr 1=7 0-13-110370-9", "format opac", "show 1");

        assertTrue(out.contains("Record type: OPAC"), out);
        assertTrue(out.contains("245 14 $a The C programming language /"), out);
        assertEquals(union.holdings().size(), count(out, "nucCode: koha"), out);
        assertTrue(out.contains("itemId: " + union.holdings().getFirst().barcode().orElseThrow()), out);
        assertTrue(out.contains("availableNow: "), out);
    }

    @Test
    void briefElementSetKeepsTheTitleAndHoldingsAndDropsTheRest() throws Exception {
        String out = yazClient("find @attr 1=7 0-13-110370-9", "format usmarc", "elements B", "show 1",
                "elements F", "show 1", "elements X", "show 1");

        String[] records = out.split("Sent presentRequest");
        assertTrue(records[1].contains("245 14 $a The C programming language /"), records[1]);
        assertTrue(records[1].contains("852    $a koha"), records[1]);
        assertFalse(records[1].contains("\n650 "), records[1]);
        assertTrue(records[2].contains("\n650 "), records[2]);
        assertTrue(records[3].contains("[25]"), records[3]);
    }

    /** yaz-client's scan: 20 terms from the start term, each with its number of union records. */
    @Test
    void scanBrowsesTitleAuthorSubjectAndIsbnIndexes() throws Exception {
        String out = yazClient("scan @attr 1=4 pride", "scan @attr 1=1003 austen", "scan @attr 1=21 juvenile",
                "scan @attr 1=7 9787536692930", "scan @attr 1=1016 pride");

        List<String> scans = List.of(out.split("query: ")).subList(1, 6);
        assertTrue(scans.get(0).contains("* pride ("), scans.get(0));
        assertTrue(scans.get(1).contains("* austen ("), scans.get(1));
        assertTrue(scans.get(2).contains("* juvenile ("), scans.get(2));
        assertTrue(scans.get(3).contains("* 9787536692930 (1)"), scans.get(3));
        for (String scan : scans.subList(0, 4)) {
            assertTrue(scan.contains("20 entries, position=1"), scan);
        }
        assertEquals(count(RpnQuery.fromPqf("@attr 1=4 pride")), occurrences(scans.get(0), "pride"));
        assertEquals(count(RpnQuery.fromPqf("@attr 1=1003 austen")), occurrences(scans.get(1), "austen"));
        assertTrue(scans.get(4).contains("[114]"), scans.get(4));
    }

    /** Terms in index order, ascending, with the start term where the client asked for it. */
    @Test
    void zoomshScansFromAPreferredPosition() throws Exception {
        String out = RealClients.run(server, workDir, StandardCharsets.UTF_8, List.of("/usr/bin/zoomsh",
                "connect 127.0.0.1:" + server.port(), "set number 10", "set position 3", "scan @attr 1=4 pride",
                "quit"), "");

        List<String> terms = new ArrayList<>();
        Matcher term = Pattern.compile("(?m)^(\\S+) (\\d+)$").matcher(out);
        while (term.find()) {
            terms.add(term.group(1));
        }
        assertEquals(10, terms.size(), out);
        assertEquals("pride", terms.get(2), out);
        assertEquals(terms.stream().sorted().toList(), terms, out);
    }

    @Test
    void sortOrdersAResultSetByTitleAuthorAndDate() throws Exception {
        String out = yazClient("find @attr 1=1003 austen", "format usmarc", "elements B",
                "sort 1=31 <", "show 1+3", "sort 1=31 >", "show 1+3", "sort 1=4 <", "show 1+3", "sort 1=5 <");

        String[] parts = out.split("Received SortResponse: ");
        List<Integer> ascending = years(parts[1]);
        List<Integer> descending = years(parts[2]);
        assertTrue(parts[1].startsWith("status=success"), parts[1]);
        assertEquals(ascending.stream().sorted().toList(), ascending, parts[1]);
        assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending, parts[2]);
        assertTrue(ascending.getFirst() < descending.getFirst(), ascending + " " + descending);
        assertTrue(parts[4].contains("[207]"), parts[4]);
    }

    @Test
    void anUnknownDatabaseIsDiagnostic109AndDeletingAResultSetKeepsTheAssociation() throws Exception {
        String out = yazClient("base Nowhere", "find @attr 1=4 pride", "base Default", "find @attr 1=4 pride",
                "delete 2", "show 1", "find @attr 1=4 emma", "show 1");

        assertTrue(out.contains("[109] Database unavailable -- v2 addinfo 'Nowhere'"), out);
        assertTrue(out.contains("Got deleteResultSetResponse status=0"), out);
        assertTrue(out.contains("[30] Specified result set does not exist -- v2 addinfo '2'"), out);
        assertTrue(out.contains("setno 3"), out);
        assertTrue(out.lastIndexOf("Record type: USmarc") > out.indexOf("[30]"), "the association went on: " + out);
    }

    private static List<Integer> years(String part) {
        List<Integer> years = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^008 .{7}(\\d{4})").matcher(part);
        while (m.find()) {
            years.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(3, years.size(), part);
        return years;
    }

    private static long count(RpnQuery query) {
        return catalog.search().findIds(RpnQueries.of(query), 0, 0).total();
    }

    private static long occurrences(String scan, String term) {
        Matcher m = Pattern.compile("\\* " + term + " \\((\\d+)\\)").matcher(scan);
        assertTrue(m.find(), scan);
        return Long.parseLong(m.group(1));
    }

    private static UnionRecord onlyRecord(String pqf) {
        Matches found = catalog.search().find(RpnQueries.of(RpnQuery.fromPqf(pqf)), 0, 1);
        assertEquals(1, found.total(), pqf);
        return found.records().getFirst();
    }

    private static boolean holds(UnionRecord union, MarcProfile profile) {
        return union.members().stream().anyMatch(m -> m.profile() == profile);
    }

    private static String tail(String out) {
        return out.length() < 4000 ? out : out.substring(out.length() - 4000);
    }

    private static long count(String text, String part) {
        long n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static Library library(String id) {
        return new Library(id, id + "图书馆", id + " library", LibraryKind.BRANCH, Optional.empty(), "", Optional.empty());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String yazClient(String... commands) throws IOException, InterruptedException {
        return RealClients.yazClient(server, workDir, StandardCharsets.UTF_8, commands);
    }
}
