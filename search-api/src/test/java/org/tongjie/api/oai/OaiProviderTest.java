package org.tongjie.api.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.xml.ProtocolFixture;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.OaiHarvest;
import org.tongjie.harvest.oai.OaiEndpoint;
import org.tongjie.harvest.oai.OaiPmhClient;
import org.tongjie.indexer.Catalog;
import org.tongjie.query.CatalogQuery;
import org.tongjie.testing.Required;
import org.tongjie.testing.SharedData;
import org.xml.sax.SAXException;

/**
 * The OAI-PMH provider over a real catalogue (37 CNMARC + 435 Koha records), harvested by Debian's HTTP::OAI
 * harvester (libhttp-oai-perl's oai_pmh, which follows resumption tokens itself) and by our own
 * OaiPmhClient into a second catalogue.
 */
class OaiProviderTest {
    private static final Path OAI_PMH = Path.of("/usr/bin/oai_pmh");
    private static final Schema SCHEMA = schema();
    @TempDir
    static Path workDir;
    private static ProtocolFixture hub;
    /** Every union record: what a full harvest must give. */
    private static Set<String> unionIds;

    @BeforeAll
    static void start() throws Exception {
        hub = new ProtocolFixture(workDir, true);
        unionIds = unionIdsOf(hub.catalog, List.of("central", "branch-koha"));
        assertTrue(unionIds.size() > 2 * OaiController.DEFAULT_PAGE_SIZE, "enough for three pages: " + unionIds.size());
    }

    private static Schema schema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(SharedData.file("schemas/oai-pmh/OAI-PMH.xsd").toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("the OAI-PMH schema does not load", e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    /** The union records the index finds held by these libraries: what a harvest of the published table must give. */
    private static Set<String> unionIdsOf(Catalog catalog, List<String> libraries) {
        var ids = new TreeSet<String>();
        for (String library : libraries) {
            var held = catalog.search().find(CatalogQuery.Clause.of(CatalogQuery.Index.LIBRARY, library), 0, 10_000);
            assertTrue(held.total() > 0 && held.total() < 10_000, library + ": " + held.total());
            held.records().forEach(u -> ids.add(u.id()));
        }
        return ids;
    }

    private static String oaiPmh(String... arguments) throws Exception {
        Required.program(OAI_PMH.toString(), "libhttp-oai-perl");
        var command = new java.util.ArrayList<>(List.of(OAI_PMH.toString()));
        command.addAll(List.of(arguments));
        command.add(hub.base("/oai"));
        return hub.run(command, "");
    }

    private static Set<String> identifiers(String harvested, String prefix) {
        Matcher m = Pattern.compile(prefix + "oai:tongjie:(\\S+)").matcher(harvested);
        var out = new TreeSet<String>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void debiansHarvesterFollowsResumptionTokensToEveryMarc21UnionRecordInMarcXml() throws Exception {
        String out = oaiPmh("-X", "ListRecords", "--metadataPrefix", "marcxml");
        assertTrue(out.endsWith("exit 0"), out.substring(Math.max(0, out.length() - 2000)));
        Set<String> koha = unionIdsOf(hub.catalog, List.of("branch-koha"));
        assertEquals(koha, identifiers(out, "identifier: "), "the MARC21 records; the CNMARC ones are not MARC21slim");
        assertEquals(koha.size(), Pattern.compile("<record [^>]*xmlns=\"http://www.loc.gov/MARC21/slim\"").matcher(out).results().count());
        assertTrue(out.contains("<datafield tag=\"852\""), "holdings as 852");
    }

    /** MarcXchange carries every record, the CNMARC ones as UNIMARC. */
    @Test
    void debiansHarvesterHarvestsEveryUnionRecordInMarcXchange() throws Exception {
        String out = oaiPmh("-X", "ListRecords", "--metadataPrefix", "marcxchange");
        assertTrue(out.endsWith("exit 0"), out.substring(Math.max(0, out.length() - 2000)));
        assertEquals(unionIds, identifiers(out, "identifier: "));
        assertEquals(37, out.split("format=\"UNIMARC\"", -1).length - 1, "the 37 CNMARC records");
    }

    @Test
    void debiansHarvesterHarvestsOneLibrarysSetInDublinCore() throws Exception {
        String out = oaiPmh("-X", "ListIdentifiers", "--metadataPrefix", "oai_dc", "--set", "central");
        Set<String> central = unionIdsOf(hub.catalog, List.of("central"));
        assertEquals(central, identifiers(out, "identifier: "));
        String dc = oaiPmh("-X", "GetRecord", "--metadataPrefix", "oai_dc", "--identifier", "oai:tongjie:" + central.iterator().next());
        assertTrue(dc.contains("<dc:title>") && dc.contains("exit 0"), dc);
        String missing = oaiPmh("-X", "GetRecord", "--metadataPrefix", "oai_dc", "--identifier", "oai:tongjie:no-such-record");
        assertTrue(missing.contains("idDoesNotExist") && !missing.endsWith("exit 0"), missing);
    }

    @Test
    void ourOwnHarvesterCopiesTheHubIntoASecondCatalogue() throws Exception {
        try (Catalog second = Catalog.open(workDir.resolve("second"), Clock.systemUTC());
             var client = OaiPmhClient.create(new OaiEndpoint(URI.create(hub.base("/oai")), "marcxchange", Optional.empty()))) {
            second.libraries().save(ProtocolFixture.library("regional-hub"));
            var report = OaiHarvest.run(second, HarvestLog.open(workDir.resolve("second"), Clock.systemUTC()), "regional-hub", client,
                    Clock.systemUTC());
            assertEquals(unionIds.size(), report.accepted(), report.problems().toString());
            String someId = unionIds.iterator().next();
            UnionRecord copied = second.search().record(org.tongjie.catalog.SourceRecord.idOf("regional-hub", "oai:tongjie:" + someId))
                    .orElseThrow();
            UnionRecord original = hub.catalog.search().record(someId).orElseThrow();
            assertEquals(original.description().titles(), copied.description().titles());
        }
    }

    @Test
    void errorsAreOaiPmhErrorCodes() throws Exception {
        assertError("verb=Frobnicate", "badVerb");
        assertError("verb=Foo%01", "badVerb");
        assertError("verb=ListRecords&resumptionToken=%00%00", "badResumptionToken");
        assertError("verb=GetRecord&metadataPrefix=oai_dc&identifier=%01", "idDoesNotExist");
        assertError("", "badVerb");
        assertError("verb=ListRecords", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-02T00:00:00Z", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=marcxml", "badArgument");
        assertError("verb=Identify&color=blue", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=marcxml&from=2020-13-45", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=marcxml&resumptionToken=garbage", "badArgument");
        assertError("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken");
        assertError("verb=ListRecords&metadataPrefix=mods", "cannotDisseminateFormat");
        assertError("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:tongjie:nope", "idDoesNotExist");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01", "noRecordsMatch");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&set=no-such-library", "noRecordsMatch");
    }

    @Test
    void identifyListsFormatsAndSets() throws Exception {
        String identify = hub.get("/oai?verb=Identify");
        assertTrue(identify.contains("<deletedRecord>persistent</deletedRecord>")
                && identify.contains("<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>"), identify);
        assertFalse(identify.contains("oai-identifier"), "tongjie is no domain name, as the oai-identifier scheme wants");
        SCHEMA.newValidator().validate(new StreamSource(new StringReader(identify)));
        String formats = hub.get("/oai?verb=ListMetadataFormats");
        assertTrue(formats.contains("<metadataPrefix>oai_dc</metadataPrefix>") && formats.contains("<metadataPrefix>marcxml</metadataPrefix>"));
        String sets = hub.get("/oai?verb=ListSets");
        assertTrue(sets.contains("<setSpec>central</setSpec>") && sets.contains("<setSpec>branch-koha</setSpec>"), sets);
    }

    /** A network that names its domain gets oai:DOMAIN:ID identifiers and says so in an oai-identifier description. */
    @Test
    void aDomainAsRepositoryIdentifierIsDescribedInIdentify() throws Exception {
        var oai = new OaiController(hub.catalog, Clock.systemUTC(), "test@tongjie.invalid", "Regional union catalogue",
                "catalogue.example.org", OaiController.DEFAULT_PAGE_SIZE);
        var app = io.javalin.Javalin.create(c -> c.routes.get("/oai", oai::handle)).start(0);
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            String identify = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                    + "/oai?verb=Identify")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(identify.contains("<repositoryIdentifier>catalogue.example.org</repositoryIdentifier>"), identify);
            Matcher sample = Pattern.compile("<sampleIdentifier>(oai:catalogue\\.example\\.org:[^<]+)</sampleIdentifier>").matcher(identify);
            assertTrue(sample.find(), identify);
            org.tongjie.api.xml.Schemas.assertValid(org.tongjie.api.xml.Schemas.load(org.tongjie.api.xml.Schemas.oaiPmh(workDir)),
                    identify, "Identify with its oai-identifier description");
            String record = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                    + "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=" + sample.group(1))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(record.contains("<identifier>" + sample.group(1) + "</identifier>"), record);
        } finally {
            app.stop();
        }
    }

    /** Behind a reverse proxy, the base URL is the proxy's, as its X-Forwarded headers say. */
    @Test
    void baseUrlBehindAProxyIsTheProxys() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(hub.base("/oai?verb=Identify")))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "catalogue.example.org")
                .header("X-Forwarded-Prefix", "/tongjie/").build();
        String identify = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(identify.contains("<baseURL>https://catalogue.example.org/tongjie/oai</baseURL>"), identify);
        assertTrue(identify.contains(">https://catalogue.example.org/tongjie/oai</request>"), identify);
        String direct = hub.get("/oai?verb=Identify");
        assertTrue(direct.contains("<baseURL>" + hub.base("/oai") + "</baseURL>"), direct);
    }

    /** A date the provider cannot read is explained in the protocol's words, not java.time's. */
    @Test
    void aBadDateSaysWhatADateIs() throws Exception {
        String answer = hub.get("/oai?verb=ListRecords&metadataPrefix=marcxml&from=2020-13-45");

        assertTrue(answer.contains("'2020-13-45' is not a date: from and until take a day as YYYY-MM-DD"), answer);
        assertFalse(answer.contains("Text '") || answer.contains("Invalid value"), answer);
    }

    /**
     * Every error answer is schema-valid OAI-PMH with one request element, bare (the base URL only) for
     * badVerb and badArgument as the protocol requires.
     */
    private static void assertError(String query, String code) throws Exception {
        String answer = hub.get("/oai?" + query);
        assertTrue(answer.contains("<error code=\"" + code + "\">"), query + " gave " + answer);
        SCHEMA.newValidator().validate(new StreamSource(new StringReader(answer)));
        assertEquals(1, answer.split("<request[ >]", -1).length - 1, query + " gave " + answer);
        if (code.equals("badVerb") || code.equals("badArgument")) {
            assertTrue(answer.contains("<request>" + hub.base("/oai") + "</request>"), query + " gave " + answer);
        }
    }
}
