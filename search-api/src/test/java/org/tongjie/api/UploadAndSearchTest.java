package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.testing.Iso2709;
import org.tongjie.testing.Searches;
import org.tongjie.testing.SharedData;

/** A member library sends its MARC file over HTTP and readers find the records. */
class UploadAndSearchTest {
    static final String CNMARC = "/demo/cnmarc-chinese-books-catalogued-by-tongjie.xml";

    @TempDir
    Path dataDir;
    TestHub hub;

    @BeforeEach
    void start() {
        hub = new TestHub(dataDir).withLibrary("kunshan", LibraryKind.CENTRAL).withLibrary("lujia", LibraryKind.BRANCH)
                .withLibrary("koha", LibraryKind.BRANCH, RecordIdentity.KOHA_BIBLIONUMBER);
    }

    @AfterEach
    void stop() throws IOException {
        hub.close();
    }

    /** A file of the app module's resources (the demo records live there), e.g. {@link #CNMARC}. */
    static byte[] resource(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("tongjie.repo.root", "..")).resolve("app/src/main/resources" + name));
    }

    static List<JsonNode> hits(TestHub.Answer answer) {
        return StreamSupport.stream(answer.json().get("hits").spliterator(), false).toList();
    }

    @Test
    void aKohaExportWithItemsIsSearchableWithItsHoldings() throws Exception {
        Path koha = SharedData.file("koha-misc4dev/koha-sample-marc21-with-952-items.mrc");

        var report = hub.postFile("/api/libraries/koha/records", koha);

        assertEquals(200, report.status());
        assertEquals("999$c", hub.get("/api/libraries/koha").json().get("recordIdentity").asText());
        assertEquals(435, report.json().get("accepted").asInt());
        assertEquals(0, report.json().get("quarantined").asInt());
        var found = hub.search("history");
        assertEquals(200, found.status());
        assertTrue(found.json().get("total").asInt() > 0);
        JsonNode hit = hits(found).stream().filter(h -> !h.get("holdings").isEmpty()).findFirst().orElseThrow();
        assertTrue(hit.get("title").asText().length() > 0);
        assertTrue(hit.get("authors").isArray());
        assertTrue(Arrays.asList("CPL", "FPL", "MPL").contains(hit.get("holdings").get(0).get("servicePoint").asText()));
        var perPoint = hit.get("availability").get(0);
        long copiesThere = StreamSupport.stream(hit.get("holdings").spliterator(), false)
                .filter(h -> h.get("servicePoint").asText().equals(perPoint.get("servicePoint").asText())).count();
        assertEquals(copiesThere, perPoint.get("copies").asLong(), "copies are summed per service point");
        assertTrue(perPoint.get("available").asInt() <= perPoint.get("copies").asInt());
    }

    /** The body is streamed into the store, so files past Javalin's 1 MB in-memory body limit go through. */
    @Test
    void aFileLargerThanTheInMemoryBodyLimitStreamsThrough() throws Exception {
        Path pool = SharedData.file("pool/pool-marc21-utf8.mrc");
        assertTrue(Files.size(pool) > 1 << 20);

        var report = hub.postFile("/api/libraries/kunshan/records", pool).json();

        int seen = report.get("accepted").asInt() + report.get("updated").asInt() + report.get("unchanged").asInt()
                + report.get("quarantined").asInt();
        assertEquals(1092, seen, report.toString());
        assertEquals(report.get("accepted").asInt(), Searches.sourceRecords(hub.catalog));
    }

    @Test
    void ourCnmarcRecordsAreFoundByChineseTitleAuthorAndIsbn() throws Exception {
        var report = hub.post("/api/libraries/kunshan/records", resource(CNMARC));
        assertEquals(37, report.json().get("accepted").asInt(), report.json().toString());

        var santi = hits(hub.search("三体"));
        assertEquals(3, santi.size(), "the three volumes of the trilogy");
        assertTrue(santi.stream().allMatch(h -> h.get("publisher").asText().equals("重庆出版社")));

        assertEquals("Ⅲ 死神永生", hits(hub.search("死神永生")).getFirst().get("volume").asText(), "a volume by its own title");

        var byAuthor = hits(hub.search("沈从文"));
        assertEquals("边城", byAuthor.getFirst().get("title").asText());

        var byIsbn10Form = hits(hub.search("7-5366-9293-5"));
        assertEquals("三体", byIsbn10Form.getFirst().get("title").asText());
        assertEquals("9787536692930", byIsbn10Form.getFirst().get("isbns").get(0).asText());
    }

    @Test
    void aRecordIsServedWithItsClassificationAndHoldings() throws Exception {
        hub.post("/api/libraries/kunshan/records", resource(CNMARC));
        String id = hits(hub.search("万历十五年")).getFirst().get("id").asText();

        var record = hub.get("/api/records/" + id);

        assertEquals(200, record.status());
        var description = record.json().get("description");
        assertEquals("UNIMARC", description.get("profile").asText());
        assertEquals("K248", description.get("classification").get("clc").get(0).asText());
        assertEquals(1997, description.get("year").asInt(), "100$a/09-12 of the fixture's 万历十五年 (三联书店)");
        assertEquals(0, record.json().get("holdings").size(), "the fixture as sent carries no items; the demo network adds them");
    }

    @Test
    void brokenRecordsAreQuarantinedWithTheirReasonsAndTheRestIsIndexed() throws Exception {
        byte[] sample = Files.readAllBytes(SharedData.file("idzebra-examples/marc21/sample-marc"));
        List<byte[]> records = Iso2709.splitRecords(sample);
        byte[] badLeader = records.get(3).clone();
        System.arraycopy("12x45".getBytes(StandardCharsets.US_ASCII), 0, badLeader, 0, 5);
        byte[] truncated = Arrays.copyOf(records.get(5), 100);
        var file = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            file.writeBytes(i == 3 ? badLeader : records.get(i));
        }
        file.writeBytes(truncated);

        var report = hub.post("/api/libraries/lujia/records", file.toByteArray()).json();

        assertEquals(4, report.get("accepted").asInt());
        assertEquals(2, report.get("quarantined").asInt());
        var problems = report.get("problems");
        assertEquals(4, problems.get(0).get("position").asInt());
        assertTrue(problems.get(0).get("reason").asText().contains("leader/00-04"), problems.toString());
        assertEquals(6, problems.get(1).get("position").asInt());
        assertTrue(problems.get(1).get("reason").asText().startsWith("truncated record"), problems.toString());

        assertEquals(4, Searches.sourceRecords(hub.catalog), "the records around the broken ones are searchable");

        var quarantine = hub.get("/api/libraries/lujia/quarantine", TestHub.key("lujia")).json();
        assertEquals(2, quarantine.get("total").asInt());
        var entry = quarantine.get("entries").get(0);
        assertEquals(4, entry.get("position").asInt());
        assertTrue(entry.get("reason").asText().contains("leader/00-04"));
        byte[] kept4 = hub.getBytes("/api/libraries/lujia/quarantine/" + entry.get("id").asLong(), TestHub.key("lujia"));
        assertTrue(Arrays.equals(badLeader, kept4), "the quarantined record's bytes are kept exactly as sent");
    }

    @Test
    void sendingTheSameFileTwiceChangesNothing() throws Exception {
        hub.post("/api/libraries/kunshan/records", resource(CNMARC));
        var again = hub.post("/api/libraries/kunshan/records", resource(CNMARC)).json();

        assertEquals(0, again.get("accepted").asInt());
        assertEquals(37, again.get("unchanged").asInt());
        assertEquals(37, hub.search("").json().get("total").asInt());
    }

    @Test
    void theSameBookFromTwoMembersIsOneUnionRecordWithEachMembersHoldings() throws Exception {
        hub.post("/api/libraries/kunshan/records", resource(CNMARC));
        hub.post("/api/libraries/lujia/records", resource(CNMARC));

        var huozhe = hits(hub.search("活着 余华"));
        assertEquals(1, huozhe.size(), huozhe.toString());
        var libraries = new java.util.ArrayList<String>();
        huozhe.getFirst().get("libraries").forEach(l -> libraries.add(l.asText()));
        assertEquals(List.of("kunshan", "lujia"), libraries.stream().sorted().toList());
        assertEquals(2, huozhe.getFirst().get("sourceRecords").asInt());
    }
}
