package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.testing.Fixtures;

/** Staff see how a union record came together and split or merge it over HTTP, with the staff key only. */
class ClusterApiTest {
    @TempDir
    Path dataDir;
    TestHub hub;
    String santi;
    String abroadRecord;
    String kunshanRecord;

    @BeforeEach
    void start() throws Exception {
        hub = new TestHub(dataDir).withLibrary("kunshan", LibraryKind.CENTRAL).withLibrary("abroad", LibraryKind.BRANCH);
        hub.post("/api/libraries/kunshan/records", Files.readAllBytes(Fixtures.cnmarcChineseBooks()));
        hub.post("/api/libraries/abroad/records", Files.readAllBytes(Fixtures.marc21ChineseBooksAbroad()));
        JsonNode hit = hub.search("9787536692930").json().get("hits").get(0);
        santi = hit.get("id").asText();
        JsonNode members = hub.get("/api/records/" + santi + "/cluster").json().get("members");
        for (JsonNode m : members) {
            if (m.get("libraryId").asText().equals("abroad")) {
                abroadRecord = m.get("recordId").asText();
            } else {
                kunshanRecord = m.get("recordId").asText();
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void theClusterShowsEachSourceRecordAndTheRuleThatJoinedIt() throws Exception {
        var cluster = hub.get("/api/records/" + abroadRecord + "/cluster");

        assertEquals(200, cluster.status());
        assertEquals(santi, cluster.json().get("id").asText(), "asked by a member's record id");
        assertEquals(2, cluster.json().get("members").size());
        assertEquals("isbn", cluster.json().get("members").get(1).get("rule").asText());
        assertEquals(404, hub.get("/api/records/nowhere.1/cluster").status());
    }

    @Test
    void onlyStaffWithTheKeyMaySplit() throws Exception {
        String body = "{\"records\":[\"" + abroadRecord + "\"],\"reason\":\"another printing\"}";

        var anonymous = hub.postJson("/api/records/" + santi + "/cluster/split", body, "");
        var wrongKey = hub.postJson("/api/records/" + santi + "/cluster/split", body, "not-the-staff-key-at-all");

        assertEquals(401, anonymous.status());
        assertTrue(anonymous.json().get("detail").asText().contains("staff"), anonymous.json().toString());
        assertEquals(401, wrongKey.status(), "a key nobody has issued names nobody");
        assertEquals("unauthenticated", wrongKey.json().get("code").asText());
        assertEquals(2, hub.get("/api/records/" + santi).json().get("members").size(), "nothing changed");
    }

    @Test
    void aSplitThenAMergeOverHttp() throws Exception {
        String key = hub.staffKey.value();

        var split = hub.postJson("/api/records/" + santi + "/cluster/split",
                "{\"records\":[\"" + abroadRecord + "\"],\"reason\":\"another printing\"}", key);

        assertEquals(200, split.status(), split.json().toString());
        assertEquals(2, split.json().get("unionRecords").size());
        String alone = hub.get("/api/records/" + abroadRecord).json().get("id").asText();
        String stayed = hub.get("/api/records/" + kunshanRecord).json().get("id").asText();
        assertNotEquals(stayed, alone);
        assertEquals("SPLIT", hub.get("/api/records/" + alone + "/cluster").json().get("overrides").get(0).get("kind").asText());

        var merge = hub.postJson("/api/records/" + stayed + "/cluster/merge",
                "{\"with\":\"" + alone + "\",\"reason\":\"checked the books: one printing\"}", key);

        assertEquals(200, merge.status(), merge.json().toString());
        assertEquals(2, hub.get("/api/records/" + merge.json().get("unionRecord").asText()).json().get("members").size());
    }

    @Test
    void badOverridesAre4xxWithAReason() throws Exception {
        String key = hub.staffKey.value();

        var noReason = hub.postJson("/api/records/" + santi + "/cluster/split", "{\"records\":[\"" + abroadRecord + "\"]}", key);
        var notMember = hub.postJson("/api/records/" + santi + "/cluster/split", "{\"records\":[\"x.1\"],\"reason\":\"r\"}", key);
        var unknown = hub.postJson("/api/records/nowhere.1/cluster/merge", "{\"with\":\"" + santi + "\",\"reason\":\"r\"}", key);
        var garbage = hub.postJson("/api/records/" + santi + "/cluster/merge", "{not json", key);

        assertEquals(400, noReason.status());
        assertTrue(noReason.json().get("detail").asText().contains("reason"), noReason.json().toString());
        assertEquals(400, notMember.status());
        assertTrue(notMember.json().get("detail").asText().contains("x.1"), notMember.json().toString());
        assertEquals(404, unknown.status());
        assertEquals(400, garbage.status(), garbage.json().toString());
    }
}
