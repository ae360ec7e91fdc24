package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongjie.testing.PoisonRecords.collection;
import static org.tongjie.testing.PoisonRecords.longText;
import static org.tongjie.testing.PoisonRecords.longWord;
import static org.tongjie.testing.PoisonRecords.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.testing.PoisonRecords;

/**
 * Uploads with the records that once wedged the hub (issue 22): each is quarantined in the report with its
 * reason, the other records of the same file are searchable, the next upload works, and so do a restart and
 * a rebuild of the index.
 */
class PoisonUploadTest {
    @TempDir
    Path dataDir;

    private static String reasonAt(JsonNode report, int position) {
        return StreamSupport.stream(report.get("problems").spliterator(), false)
                .filter(p -> p.get("position").asInt() == position).findFirst().orElseThrow().get("reason").asText();
    }

    @Test
    void poisonRecordsAreQuarantinedInTheReportAndTheHubGoesOn() throws Exception {
        byte[] file = collection(record("good-1", "Ordinary first", "Ordinary"),
                record("long-title", longText("Title", 40_000), "Ordinary"),
                record(longWord(32_768), "A 32 KB id", "Ordinary"),
                record("long-subject", "A huge subject", longWord(100_000)),
                record("good-2", "Ordinary second", "Ordinary"));
        Path huge = dataDir.resolve("huge.xml");
        try (var out = Files.newOutputStream(huge)) {
            PoisonRecords.withHugeRecord(out, 20);
        }
        try (var hub = new TestHub(dataDir.resolve("hub")).withLibrary("kunshan", LibraryKind.CENTRAL)
                .withLibrary("lujia", LibraryKind.BRANCH)) {
            var report = hub.post("/api/libraries/kunshan/records", file);

            assertEquals(200, report.status(), report.json().toString());
            assertEquals(2, report.json().get("accepted").asInt());
            assertEquals(3, report.json().get("quarantined").asInt());
            assertTrue(reasonAt(report.json(), 2).startsWith("field 245 has"), report.json().toString());
            assertTrue(reasonAt(report.json(), 3).contains("more than the 256 an id may have"), report.json().toString());
            assertTrue(reasonAt(report.json(), 4).startsWith("field 650 has"), report.json().toString());
            assertEquals(2, hub.search("ordinary").json().get("total").asInt());

            var hugeReport = hub.postFile("/api/libraries/lujia/records", huge);
            assertEquals(200, hugeReport.status(), hugeReport.json().toString());
            assertEquals(2, hugeReport.json().get("accepted").asInt());
            assertTrue(reasonAt(hugeReport.json(), 2).startsWith("the record is larger than 8,388,608 bytes"),
                    hugeReport.json().toString());
            assertEquals(1, hub.search("before").json().get("total").asInt());
            assertEquals(1, hub.search("after").json().get("total").asInt());
        }
        try (var hub = new TestHub(dataDir.resolve("hub"))) {
            assertEquals(4, hub.search("ordinary").json().get("total").asInt(), "the hub starts again");
            hub.catalog.maintenance().rebuildIndex();
            assertEquals(4, hub.search("ordinary").json().get("total").asInt(), "and rebuilds its index");
        }
    }
}
