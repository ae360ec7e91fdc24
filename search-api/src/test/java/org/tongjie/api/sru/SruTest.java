package org.tongjie.api.sru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.xml.ProtocolFixture;
import org.tongjie.api.xml.Schemas;
import org.tongjie.testing.Required;

/** SRU at /sru over a real catalogue, driven by Debian's yaz-client over SRU GET (1.2 and 2.0) and POST. */
class SruTest {
    @TempDir
    static Path workDir;
    private static ProtocolFixture hub;

    @BeforeAll
    static void start() throws Exception {
        Required.program("/usr/bin/yaz-client", "yaz");
        hub = new ProtocolFixture(workDir, true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    private static String yazClient(String version, String... commands) throws Exception {
        return yazClientOver("get", version, commands);
    }

    private static String yazClientOver(String method, String version, String... commands) throws Exception {
        var script = new StringBuilder("sru " + method + " " + version + "\nquerytype cql\n");
        for (String c : commands) {
            script.append(c).append('\n');
        }
        script.append("quit\n");
        return hub.run(List.of("/usr/bin/yaz-client", hub.base("/sru")), script.toString());
    }

    @Test
    void yazClientFindsAChineseTitleOverSru12AndShowsMarcXmlWithAnEight52PerCopy() throws Exception {
        String out = yazClient("1.2", "find dc.title=三体", "show 1");
        assertTrue(out.contains("Number of hits: 3"), out);
        assertTrue(out.contains("pos=1 schema=info:lc/xmlns/marcxchange-v2"), "CNMARC is not labelled MARC21slim: " + out);
        assertTrue(out.contains("format=\"UNIMARC\""), out);
        assertTrue(out.contains("<subfield code=\"a\">(central)TJ-CN-"), "the member's number moves to 035: " + out);
        String marc21 = yazClient("1.2", "find tongjie.library=branch-koha", "show 1");
        assertTrue(marc21.contains("pos=1 schema=info:srw/schema/1/marcxml-v1.1"), marc21);
    }

    /** SRU's HTTP POST binding: the same request, form-encoded in the body, gets the same answer. */
    @Test
    void yazClientOverSruPostFindsWhatGetFinds() throws Exception {
        String post = yazClientOver("post", "1.2", "find dc.title=三体", "show 1");
        assertTrue(post.contains("Number of hits: 3"), post);
        assertTrue(post.contains("pos=1 schema=info:lc/xmlns/marcxchange-v2"), post);
        String refused = yazClientOver("post", "1.2", "find dc.nosuchindex=x");
        assertTrue(refused.contains("SRW diagnostic info:srw/diagnostic/1/16"), refused);
    }

    /** SRU 1.1, and two of the relations the README lists beside `=`: `adj` (words in order) and `any`. */
    @Test
    void sru11AndTheAdjAndExactRelationsFindTheTitle() throws Exception {
        String out = yazClient("1.1", "find dc.title adj \"三体\"", "find dc.title any \"三体 nosuchword\"");
        assertEquals(List.of("3", "3"), numbers("Number of hits: (\\d+)", out), out);
    }

    @Test
    void everyCopyOfAKohaRecordIsAn852() throws Exception {
        String out = yazClient("1.2", "find tongjie.library=branch-koha", "show 1");
        String id = numbers("<controlfield tag=\"001\">([^<]+)<", out).getFirst();
        int copies = hub.catalog.search().record(id).orElseThrow().holdings().size();
        assertTrue(copies > 0, out);
        assertEquals(copies, numbers("(<datafield tag=\"852\" ind1=\" \" ind2=\" \"><subfield code=\"a\">branch-koha<)", out).size(), out);
        assertTrue(Integer.parseInt(numbers("Number of hits: (\\d+)", out).getFirst()) > 400, out);
    }

    @Test
    void yazClientCombinesIndexesOverSru20() throws Exception {
        String out = yazClient("2.0", "find dc.creator=刘慈欣 and dc.title=死神永生", "show 1",
                "find bath.isbn=9787536692930 or dc.title=\"computer\"", "find dc.title=三体 not dc.title=死神永生");
        List<String> hits = numbers("Number of hits: (\\d+)", out);
        assertEquals(List.of("1", "1"), hits.subList(0, 2), out);
        assertTrue(Integer.parseInt(hits.get(2)) > 1, out);
        assertEquals("2", hits.get(3), out);
        assertTrue(out.contains("死神永生"), out);
    }

    @Test
    void aTrailingAsteriskTruncatesAndAnyMatchesEitherWord() throws Exception {
        String out = yazClient("1.2", "find dc.title=comput*", "find dc.title=computer", "find dc.title any \"zzznothing computer\"",
                "find dc.title all \"zzznothing computer\"");
        List<String> hits = numbers("Number of hits: (\\d+)", out);
        assertTrue(Integer.parseInt(hits.get(0)) >= Integer.parseInt(hits.get(1)) && Integer.parseInt(hits.get(1)) > 0, out);
        assertEquals(hits.get(1), hits.get(2), out);
        assertEquals("0", hits.get(3), out);
    }

    @Test
    void yazClientShowsSruDiagnosticsForWhatCannotBeAnswered() throws Exception {
        String out = yazClient("1.2", "find dc.nosuchindex=x", "find dc.title < x", "find (dc.title=x", "find dc.title=a*b",
                "find dc.title=x prox dc.title=y", "find foo.title=x");
        for (int code : List.of(16, 19, 10, 28, 37, 15)) {
            assertTrue(out.contains("SRW diagnostic info:srw/diagnostic/1/" + code), code + " missing in\n" + out);
        }
        assertTrue(out.contains("Details: dc.nosuchindex"), out);
    }

    @Test
    void pagingGivesThePositionsAskedForAndTheNextOne() throws Exception {
        String all = sru("version=1.2&operation=searchRetrieve&query=" + enc("dc.title=三体") + "&maximumRecords=10");
        String page = sru("version=1.2&operation=searchRetrieve&query=" + enc("dc.title=三体") + "&startRecord=2&maximumRecords=1");
        assertEquals(List.of("2"), numbers("<zs:recordPosition>(\\d+)<", page));
        assertEquals(List.of("3"), numbers("<zs:nextRecordPosition>(\\d+)<", page));
        assertEquals(List.of(), numbers("<zs:nextRecordPosition>(\\d+)<", all));
        assertEquals(numbers("<controlfield tag=\"001\">([^<]+)<", all).get(1), numbers("<controlfield tag=\"001\">([^<]+)<", page).get(0));
        String none = sru("version=1.2&operation=searchRetrieve&query=" + enc("dc.title=三体") + "&maximumRecords=0");
        assertTrue(none.contains("<zs:numberOfRecords>3</zs:numberOfRecords>") && !none.contains("<zs:records>"), none);
    }

    @Test
    void badPagingParametersAreDiagnostics() throws Exception {
        String q = "version=1.2&operation=searchRetrieve&query=" + enc("dc.title=三体");
        assertDiagnostic(sru(q + "&startRecord=0"), 6, "startRecord");
        assertDiagnostic(sru(q + "&maximumRecords=-1"), 6, "maximumRecords");
        assertDiagnostic(sru(q + "&maximumRecords=ten"), 6, "maximumRecords");
        assertDiagnostic(sru(q + "&startRecord=4"), 61, "4");
        assertDiagnostic(sru(q + "&recordSchema=mods"), 66, "mods");
        assertDiagnostic(sru("version=1.2&operation=searchRetrieve"), 7, "query");
        assertDiagnostic(sru("version=3.0&operation=explain"), 5, "1.2");
        assertDiagnostic(sru("version=1.2&operation=scan&scanClause=x"), 4, "scan");
        assertTrue(sru("version=1.2&operation=scan&scanClause=x").contains("<zs:scanResponse"), "a scan is answered as a scan");
        assertTrue(sru("version=2.0&operation=scan&scanClause=x").contains("<scan:scanResponse"), "in SRU 2.0's scan namespace");
    }

    @Test
    void dublinCoreAndEscapedRecords() throws Exception {
        String dc = sru("version=2.0&query=" + enc("bath.isbn=978-7-5366-9293-0") + "&recordSchema=dc");
        assertTrue(dc.contains("<dc:title>三体</dc:title>") || dc.contains("<dc:title>三体 "), dc);
        assertTrue(dc.contains("<zs:recordXMLEscaping>xml</zs:recordXMLEscaping>") && !dc.contains("recordIdentifier"), dc);
        String escaped = sru("version=1.2&operation=searchRetrieve&query=" + enc("bath.isbn=9787536692930") + "&recordPacking=string");
        assertTrue(escaped.contains("&lt;record xmlns=\"info:lc/xmlns/marcxchange-v2\""), escaped);
    }

    @Test
    void explainListsEveryIndexTheQueriesAccept() throws Exception {
        String explain = sru("version=1.2&operation=explain");
        for (var index : CqlIndexes.ALL) {
            assertTrue(explain.contains("<name set=\"" + index.set().prefix() + "\">" + index.name() + "</name>"), index.qualified());
            var query = CqlQueries.parse(index.qualified() + "=x");
            assertEquals(index.indexes().getFirst(), (query instanceof org.tongjie.query.CatalogQuery.Or or
                    ? firstClause(or) : (org.tongjie.query.CatalogQuery.Clause) query).index(), index.qualified());
        }
        assertTrue(explain.contains("identifier=\"info:srw/schema/1/marcxml-v1.1\""), explain);
        String out = hub.run(List.of("/usr/bin/yaz-client", hub.base("/sru")), "sru get 1.2\nexplain\nquit\n");
        assertTrue(out.contains("explain.z3950.org"), out);
    }

    private static org.tongjie.query.CatalogQuery.Clause firstClause(org.tongjie.query.CatalogQuery.Or or) {
        return or.left() instanceof org.tongjie.query.CatalogQuery.Or left ? firstClause(left)
                : (org.tongjie.query.CatalogQuery.Clause) or.left();
    }

    /** CQL's boolean words as a term: a diagnostic that says to quote them, never an HTTP 500; quoted, a search. */
    @Test
    void aBooleanWordAsATermIsADiagnosticAndQuotedASearch() throws Exception {
        for (String word : List.of("and", "or", "not", "prox", "AND")) {
            for (String query : List.of(word, "dc.title=" + word, "dc.title=computer and " + word)) {
                String answer = sru("version=1.2&operation=searchRetrieve&query=" + enc(query));
                assertTrue(answer.contains("<diag:uri>info:srw/diagnostic/1/10</diag:uri>") && answer.contains("quote it"), answer);
            }
            String quoted = sru("version=2.0&query=" + enc("dc.title=\"" + word + "\""));
            assertFalse(quoted.contains("diagnostic"), quoted);
        }
    }

    /** The new indexes: dc.date, dc.publisher, dc.identifier (ISBN, ISSN, record numbers) and cql.allRecords. */
    @Test
    void datePublisherIdentifierAndAllRecordsFind() throws Exception {
        assertEquals(List.of("1"), numbers("Number of hits: (\\d+)", yazClient("1.2", "find dc.identifier=978-7-5366-9293-0")));
        String all = sru("version=1.2&operation=searchRetrieve&query=" + enc("cql.allRecords=1") + "&maximumRecords=0");
        long total = Long.parseLong(numbers("<zs:numberOfRecords>(\\d+)<", all).getFirst());
        assertEquals(hub.catalog.feed().list(new org.tongjie.store.PublishedUnions.Window(java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()), 100_000).size(), total);
        String year = sru("version=1.2&operation=searchRetrieve&query=" + enc("dc.title=三体 and dc.date=2008") + "&recordSchema=dc");
        assertTrue(Integer.parseInt(numbers("<zs:numberOfRecords>(\\d+)<", year).getFirst()) >= 1, year);
        assertFalse(year.contains("<dc:date>") && !year.contains("<dc:date>2008</dc:date>"), year);
        String publisher = sru("version=1.2&operation=searchRetrieve&query=" + enc("dc.publisher=重庆出版社") + "&recordSchema=dc");
        assertTrue(Integer.parseInt(numbers("<zs:numberOfRecords>(\\d+)<", publisher).getFirst()) >= 1, publisher);
        assertTrue(publisher.contains("重庆出版社"), publisher);
    }

    /** Past the last record, the diagnostic still says how many records the query found. */
    @Test
    void startRecordPastTheEndSaysHowManyThereAre() throws Exception {
        String answer = sru("version=1.2&operation=searchRetrieve&query=" + enc("dc.title=三体") + "&startRecord=4");
        assertDiagnostic(answer, 61, "4");
        assertTrue(answer.contains("<zs:numberOfRecords>3</zs:numberOfRecords>"), answer);
    }

    /** SRU 2.0 answers, records and refusals, valid against the OASIS schemas, MARC21slim and MarcXchange. */
    @Test
    void sru20AnswersAreValidAgainstTheOasisSchemas() throws Exception {
        var schema = Schemas.load(Schemas.sru2(workDir));
        for (String query : List.of("query=" + enc("dc.title=三体"), "query=" + enc("tongjie.library=branch-koha") + "&maximumRecords=50",
                "query=" + enc("dc.title=三体") + "&recordSchema=dc", "query=" + enc("dc.title=三体") + "&recordXMLEscaping=string",
                "query=" + enc("dc.title=三体") + "&recordSchema=marcxchange", "query=" + enc("dc.nosuchindex=x"),
                "query=" + enc("dc.title=三体") + "&startRecord=9", "query=and", "operation=scan&scanClause=dc.title")) {
            Schemas.assertValid(schema, sru("version=2.0&" + query), query);
        }
    }

    private static void assertDiagnostic(String answer, int code, String details) {
        assertTrue(answer.contains("<diag:uri>info:srw/diagnostic/1/" + code + "</diag:uri>"), answer);
        assertTrue(answer.contains("<diag:details>" + details + "</diag:details>"), answer);
    }

    private static String sru(String query) throws Exception {
        return hub.get("/sru?" + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> numbers(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        var out = new java.util.ArrayList<String>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
