package org.tongjie.api.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.xml.ProtocolFixture;
import org.tongjie.testing.Required;

/**
 * Union records that disappear (staff merged two editions into one) stay as deleted records, so aggregators
 * learn of it; a harvest that holds a resumption token while records change still ends with every record.
 */
class OaiDeletionsTest {
    private static final Pattern IDENTIFIER = Pattern.compile("<identifier>oai:tongjie:([^<]+)</identifier>");
    private static final Pattern TOKEN = Pattern.compile("<resumptionToken>([^<]+)</resumptionToken>");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMergedAwayUnionRecordIsADeletedRecordForHarvestersAndTheirTokensSurviveTheChange(@TempDir Path dir) throws Exception {
        try (var hub = new ProtocolFixture(dir, false)) {
            var oai = new OaiController(hub.catalog, Clock.systemUTC(), "test@tongjie.invalid", 5);
            Javalin app = Javalin.create(c -> c.routes.get("/oai", oai::handle)).start(0);
            try {
                String base = "http://localhost:" + app.port() + "/oai";
                String first = get(base + "?verb=ListIdentifiers&metadataPrefix=oai_dc");
                List<String> firstPage = matches(IDENTIFIER, first);
                assertEquals(5, firstPage.size(), first);
                String kept = firstPage.get(0);
                String mergedAway = firstPage.get(1);
                String merged = hub.catalog.clusters().merge(kept, mergedAway, "test", "one edition catalogued twice");
                String gone = merged.equals(kept) ? mergedAway : kept;

                var seen = new LinkedHashSet<>(firstPage);
                String token = matches(TOKEN, first).getFirst();
                String page;
                do {
                    page = get(base + "?verb=ListIdentifiers&resumptionToken=" + token);
                    seen.addAll(matches(IDENTIFIER, page));
                    token = matches(TOKEN, page).stream().findFirst().orElse("");
                } while (!token.isEmpty());
                assertTrue(page.contains("<resumptionToken/>"), "the last page ends the list: " + page);
                assertTrue(seen.contains(merged), "the merged record came again with its new datestamp");
                assertEquals(36, seen.size() - 1, "37 records, two now one, the other listed as deleted: " + seen);

                String deleted = get(base + "?verb=GetRecord&metadataPrefix=marcxml&identifier=oai:tongjie:" + gone);
                assertTrue(deleted.contains("<header status=\"deleted\">") && !deleted.contains("<metadata>"), deleted);
                Required.program("/usr/bin/oai_pmh", "libhttp-oai-perl");
                String harvested = hub.run(List.of("/usr/bin/oai_pmh", "-X", "ListIdentifiers", "--metadataPrefix", "oai_dc", base), "");
                assertTrue(harvested.contains("identifier: oai:tongjie:" + gone + "\ndatestamp: "), harvested);
                assertTrue(Pattern.compile("identifier: oai:tongjie:" + Pattern.quote(gone) + "\\ndatestamp: \\S+\\nstatus: deleted")
                        .matcher(harvested).find(), harvested);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void reopeningTheCatalogueKeepsDatestampsOfWhatDidNotChange(@TempDir Path dir) throws Exception {
        List<String> before;
        try (var hub = new ProtocolFixture(dir, false)) {
            before = stamps(hub.get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc"));
            hub.catalog.maintenance().rebuildIndex();
            assertEquals(before, stamps(hub.get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc")));
        }
        assertEquals(37, before.size() / 2);
    }

    private static List<String> stamps(String page) {
        return matches(Pattern.compile("<identifier>([^<]+)</identifier><datestamp>([^<]+)<"), page);
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<String> matches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        var out = new ArrayList<String>();
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                out.add(m.group(g));
            }
        }
        return out;
    }

}
