package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.harvest.oai.OaiEndpoint;
import org.tongjie.indexer.IngestReport;

/** GET and POST /api/libraries/{id}/harvests over a scheduler whose harvester the test holds. */
class HarvestApiTest {
    static final Library OAI = new Library("oai-member", "甲馆", "OAI member", LibraryKind.BRANCH, Optional.empty(), "",
            Optional.empty());

    @Test
    void aManualRunIsAcceptedRefusedWhileItRunsAndListedWithItsCounts(@TempDir Path dir) throws Exception {
        var release = new CountDownLatch(1);
        var paged = new CountDownLatch(1);
        try (var hub = new TestHub(dir, (member, listener) -> {
            listener.pageStored(40);
            paged.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new IngestReport(1, member.id(), 38, 1, 0, 1, 2, List.of());
        })) {
            hub.catalog.libraries().save(OAI);
            hub.members.register(new Member(OAI, new MemberSource.OaiPmh(OaiEndpoint.marc21(URI.create("http://127.0.0.1:9/oai"))),
                    Optional.of(Duration.ofHours(6)), Optional.empty()));
            hub.withLibrary("uploader", LibraryKind.SMART_LOCKER);

            var started = trigger(hub, "oai-member");
            assertTrue(paged.await(5, TimeUnit.SECONDS));
            var again = trigger(hub, "oai-member");
            JsonNode during = hub.get("/api/libraries/oai-member/harvests").json();
            release.countDown();

            assertEquals(202, started.status());
            long runId = started.json().get("runId").asLong();
            assertEquals(409, again.status());
            assertTrue(again.json().get("detail").asText().contains("already running (run " + runId + ")"));
            assertEquals(runId, during.get("runningRun").asLong());
            assertEquals("RUNNING", during.at("/runs/0/status").asText());
            assertEquals(40, during.at("/runs/0/records").asInt());
            assertEquals(1, during.at("/runs/0/pages").asInt());
            assertEquals("PT6H", during.get("schedule").asText());
            assertTrue(during.has("nextRun"));

            JsonNode done = awaitDone(hub, "oai-member");
            assertEquals("SUCCEEDED", done.at("/runs/0/status").asText());
            assertEquals(38, done.at("/runs/0/added").asInt());
            assertEquals(1, done.at("/runs/0/deleted").asInt());
            assertEquals(2, done.at("/runs/0/quarantined").asInt());
            assertEquals("manual", done.at("/runs/0/trigger").asText());

            assertEquals(400, trigger(hub, "uploader").status());
            assertEquals(404, trigger(hub, "atlantis").status());
            assertEquals(404, hub.get("/api/libraries/atlantis/harvests").status());
        }
    }

    /** Started by the network's cataloguing staff. */
    static TestHub.Answer trigger(TestHub hub, String id) throws Exception {
        return trigger(hub, id, Optional.of(hub.staffKey.value()));
    }

    static TestHub.Answer trigger(TestHub hub, String id, Optional<String> key) throws Exception {
        var request = HttpRequest.newBuilder(hub.uri("/api/libraries/" + id + "/harvests")).POST(HttpRequest.BodyPublishers.noBody());
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        return hub.send(request.build());
    }

    /**
     * A harvest makes the hub call the member's server: 100 anonymous calls once started 74 harvests (issue 22).
     * Only the member itself (its key) and the network's staff or administrator may start one.
     */
    @Test
    void startingAHarvestNeedsTheMembersOwnKeyOrTheNetworksStaff(@TempDir Path dir) throws Exception {
        try (var hub = new TestHub(dir, (member, listener) -> new IngestReport(1, member.id(), 0, 0, 0, 0, 0, List.of()))) {
            hub.catalog.libraries().save(OAI);
            hub.members.register(new Member(OAI, new MemberSource.OaiPmh(OaiEndpoint.marc21(URI.create("http://127.0.0.1:9/oai"))),
                    Optional.empty(), Optional.of(Member.hashKey(TestHub.key(OAI.id())))));
            hub.withLibrary("neighbour", LibraryKind.BRANCH);
            String admin = hub.ill.store().accounts().issueAdminKey("test");

            var anonymous = trigger(hub, OAI.id(), Optional.empty());
            var neighbour = trigger(hub, OAI.id(), Optional.of(TestHub.key("neighbour")));
            var wrongKey = trigger(hub, OAI.id(), Optional.of("not-a-key-of-anyone"));

            assertEquals(401, anonymous.status());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertEquals(403, neighbour.status());
            assertTrue(neighbour.json().get("detail").asText().contains("member library 'neighbour'"), neighbour.json().toString());
            assertEquals(401, wrongKey.status());
            assertEquals(0, hub.get("/api/libraries/oai-member/harvests").json().get("runs").size(), "none started");

            assertEquals(202, trigger(hub, OAI.id(), Optional.of(TestHub.key(OAI.id()))).status());
            awaitDone(hub, OAI.id());
            assertEquals(202, trigger(hub, OAI.id()).status(), "the staff key");
            awaitDone(hub, OAI.id());
            assertEquals(202, trigger(hub, OAI.id(), Optional.of(admin)).status(), "the network administrator");
            assertEquals(3, awaitDone(hub, OAI.id()).get("runs").size());
        }
    }

    /** The quarantine holds the member's records as sent: the member's key or the network's staff, like a harvest. */
    @Test
    void aMembersQuarantineIsReadWithItsKeyOrTheNetworksStaff(@TempDir Path dir) throws Exception {
        try (var hub = new TestHub(dir).withLibrary("kunshan", LibraryKind.CENTRAL).withLibrary("lujia", LibraryKind.BRANCH)) {
            hub.post("/api/libraries/kunshan/records", "00000not a record\u001d".getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertEquals(401, hub.get("/api/libraries/kunshan/quarantine").status());
            assertEquals(403, hub.get("/api/libraries/kunshan/quarantine", TestHub.key("lujia")).status());
            var own = hub.get("/api/libraries/kunshan/quarantine", TestHub.key("kunshan"));
            assertEquals(200, own.status());
            long entry = own.json().at("/entries/0/id").asLong();
            assertEquals(200, hub.get("/api/libraries/kunshan/quarantine", hub.staffKey.value()).status());
            assertEquals(401, hub.get("/api/libraries/kunshan/quarantine/" + entry).status());
            assertEquals(403, hub.get("/api/libraries/kunshan/quarantine/" + entry, TestHub.key("lujia")).status());
            assertTrue(hub.getBytes("/api/libraries/kunshan/quarantine/" + entry, TestHub.key("kunshan")).length > 0);
        }
    }

    static JsonNode awaitDone(TestHub hub, String id) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode harvests = hub.get("/api/libraries/" + id + "/harvests").json();
            if (!harvests.has("runningRun") && !"RUNNING".equals(harvests.at("/runs/0/status").asText())) {
                return harvests;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the run did not end");
    }
}
