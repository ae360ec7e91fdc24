package org.tongjie.api.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.xml.ProtocolFixture;
import org.tongjie.api.xml.Schemas;
import org.tongjie.catalog.NotMarcException;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.Required;
import org.tongjie.testing.SharedData;

/**
 * Every real MARC file in ../shared/data (ISO 2709 and MARCXML, broken ones and the control-character
 * records included), each loaded as one member's, then harvested page by page in every format: each page and
 * each GetRecord must be valid OAI-PMH with valid MARC21slim, MarcXchange and oai_dc inside, by the JDK's
 * validator and by xmllint.
 */
class OaiEveryRealFileTest {
    private static final Pattern IDENTIFIER = Pattern.compile("<identifier>oai:tongjie:([^<]+)</identifier>");
    private static final Pattern TOKEN = Pattern.compile("<resumptionToken>([^<]+)</resumptionToken>");
    /** GetRecord of every tenth record: each costs what a list entry does, and the lists hold them all. */
    private static final int GET_RECORD_EVERY = 10;
    @TempDir
    static Path dir;
    private static Catalog catalog;
    private static Javalin app;
    private static Path xsd;
    private static Schema schema;
    private static int files;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void loadEveryFile() throws IOException {
        catalog = Catalog.open(dir.resolve("data"), Clock.systemUTC());
        List<Path> marc;
        try (Stream<Path> all = Files.walk(SharedData.folder("."))) {
            marc = all.filter(Files::isRegularFile).filter(OaiEveryRealFileTest::looksLikeMarc).sorted().toList();
        }
        files = marc.size();
        assertTrue(files > 400, "the shared data holds some 500 MARC files, found " + files);
        catalog.maintenance().inBulk(() -> {
            for (int i = 0; i < marc.size(); i++) {
                String library = "file-" + i;
                catalog.libraries().save(ProtocolFixture.library(library));
                try (InputStream in = Files.newInputStream(marc.get(i))) {
                    catalog.ingest().file(library, in, marc.get(i).getFileName().toString());
                } catch (NotMarcException | IOException e) {
                    // looked like MARC in its first bytes and is not: nothing of it to serve
                }
            }
            return null;
        });
        var oai = new OaiController(catalog, Clock.systemUTC(), "test@tongjie.invalid");
        app = Javalin.create(c -> c.routes.get("/oai", oai::handle)).start(0);
        xsd = Schemas.oaiPmh(dir);
        schema = Schemas.load(xsd);
    }

    /** ISO 2709 starts with five digits; MARCXML names its record element within its first bytes. */
    private static boolean looksLikeMarc(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            String start = head.replaceFirst("^\u00EF\u00BB\u00BF", "").stripLeading();
            return start.matches("(?s)\\d{5}.{20,}") || head.contains("MARC21/slim") || head.contains("<record");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.stop();
        }
        if (catalog != null) {
            catalog.close();
        }
    }

    private String get(String query) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/oai?" + query)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), query);
        return response.body();
    }

    /** Walks the list to its end, validating and keeping each page; returns the identifiers in order. */
    private List<String> harvest(String verb, String prefix, List<Path> pages) throws Exception {
        var ids = new ArrayList<String>();
        String query = "verb=" + verb + "&metadataPrefix=" + prefix;
        for (int n = 1; query != null; n++) {
            String page = get(query);
            Schemas.assertValid(schema, page, verb + " " + prefix + " page " + n);
            Path file = dir.resolve(verb + "-" + prefix + "-" + n + ".xml");
            Files.writeString(file, page);
            pages.add(file);
            ids.addAll(all(IDENTIFIER, page));
            List<String> token = all(TOKEN, page);
            query = token.isEmpty() ? null : "verb=" + verb + "&resumptionToken=" + token.getFirst();
        }
        return ids;
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        var out = new ArrayList<String>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyPageOfEveryFormatAndEveryRecordIsValidOaiPmhWithValidRecords() throws Exception {
        Required.program("/usr/bin/xmllint", "libxml2-utils");
        var pages = new ArrayList<Path>();
        List<String> everything = harvest("ListIdentifiers", "oai_dc", pages);
        List<String> dc = harvest("ListRecords", "oai_dc", pages);
        List<String> xchange = harvest("ListRecords", "marcxchange", pages);
        List<String> marcxml = harvest("ListRecords", "marcxml", pages);
        List<String> marcxmlHeaders = harvest("ListIdentifiers", "marcxml", pages);
        assertTrue(everything.size() > 5_000, "union records from every file: " + everything.size() + " of " + files + " files");
        assertEquals(everything.size(), new LinkedHashSet<>(everything).size(), "each record once");
        assertEquals(Set.copyOf(everything), Set.copyOf(dc));
        assertEquals(Set.copyOf(everything), Set.copyOf(xchange), "every record in MarcXchange");
        assertEquals(marcxml, marcxmlHeaders);
        assertTrue(marcxml.size() > 1_000 && marcxml.size() < everything.size(),
                "the MARC21 records in MARC21slim, UNIMARC ones not: " + marcxml.size() + " of " + everything.size());
        var marc21 = Set.copyOf(marcxml);
        for (int i = 0; i < everything.size(); i += GET_RECORD_EVERY) {
            String id = everything.get(i);
            String prefix = marc21.contains(id) ? "marcxml" : "marcxchange";
            String record = get("verb=GetRecord&metadataPrefix=" + prefix + "&identifier=oai:tongjie:" + id);
            Schemas.assertValid(schema, record, "GetRecord " + prefix + " " + id);
            if (!marc21.contains(id)) {
                assertTrue(record.contains("format=\"UNIMARC\""), record);
                assertTrue(get("verb=GetRecord&metadataPrefix=marcxml&identifier=oai:tongjie:" + id)
                        .contains("code=\"cannotDisseminateFormat\""), id);
            }
        }
        String lint = Schemas.xmllint(xsd, pages);
        assertEquals(pages.size(), lint.lines().filter(l -> l.endsWith(" validates")).count(), lint);
    }

    /**
     * Two pool records carry a field terminator where an indicator belongs and one a subfield code of a blank:
     * yaz-marcdump drops the control character; MARC21slim then wants a blank indicator and no blank code.
     */
    @Test
    void theControlCharacterRecordsAreServedWithBlankIndicators() throws Exception {
        String page = get("verb=ListRecords&metadataPrefix=marcxml&set=" + libraryOf("pool/pool-marc21-utf8.mrc"));
        assertFalse(page.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'), "no control character");
        Schemas.assertValid(schema, page, "the pool's first page");
    }

    /** Debian's HTTP::OAI harvester (oai_pmh) follows every resumption token of the MARCXML list to its end. */
    @Test
    void debiansHarvesterCompletesAHarvestOfEveryFile() throws Exception {
        Required.program("/usr/bin/oai_pmh", "libhttp-oai-perl");
        List<String> marcxml = harvest("ListIdentifiers", "marcxml", new ArrayList<>());
        Path out = dir.resolve("oai_pmh.out");
        var command = new ProcessBuilder("/usr/bin/oai_pmh", "-X", "ListRecords", "--metadataPrefix", "marcxml",
                "http://localhost:" + app.port() + "/oai").redirectErrorStream(true).redirectOutput(out.toFile());
        command.environment().put("PERL_UNICODE", "SO");
        Process harvester = command.start();
        harvester.getOutputStream().close();
        assertTrue(harvester.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "oai_pmh did not finish");
        String printed = Files.readString(out);
        assertEquals(0, harvester.exitValue(), printed.substring(Math.max(0, printed.length() - 2000)));
        assertEquals(Set.copyOf(marcxml), Set.copyOf(all(Pattern.compile("identifier: oai:tongjie:(\\S+)"), printed)));
    }

    private static String libraryOf(String sharedFile) throws IOException {
        List<Path> marc;
        try (Stream<Path> all = Files.walk(SharedData.folder("."))) {
            marc = all.filter(Files::isRegularFile).filter(OaiEveryRealFileTest::looksLikeMarc).sorted().toList();
        }
        return "file-" + marc.indexOf(SharedData.file(sharedFile));
    }
}
