package org.tongjie.api.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.ill.IllTestHub.As;
import org.tongjie.catalog.LibraryKind;

/**
 * Member staff once could point a webhook at 127.0.0.1 and have the hub post inside its own network (issue
 * 22). A hub refuses loopback, link-local and private targets with a 400 that says why, unless its
 * administrator allows private targets.
 */
class WebhookTargetTest {
    @TempDir
    Path dir;

    @Test
    void aWebhookOnLoopbackLinkLocalOrAPrivateRangeIsRefused() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC())) {
            hub.library("b", LibraryKind.CENTRAL, null, 31.32, 121.05);
            var staffB = As.key(hub.staffKey("b"));
            for (String url : List.of("http://127.0.0.1:9/hook", "http://[::1]:9/hook", "http://169.254.169.254/latest/meta-data/",
                    "http://192.168.0.10/hook", "http://[fd00::10]/hook", "http://localhost:7070/api/ill/jobs/run")) {
                var answer = hub.post("/api/ill/libraries/b/webhooks", staffB, Map.of("url", url));
                assertEquals(400, answer.status(), url + ": " + answer.json());
                assertEquals("invalid-parameter", answer.get("code").asText());
                assertTrue(answer.get("detail").asText().contains("webhooks go to public addresses only"), answer.json().toString());
            }
            var tooLong = hub.post("/api/ill/libraries/b/webhooks", staffB, Map.of("url", "https://8.8.8.8/" + "a".repeat(2_000)));
            assertEquals(400, tooLong.status(), tooLong.json().toString());
            assertTrue(tooLong.get("detail").asText().contains("at most 2000 characters"), tooLong.json().toString());
            assertEquals(List.of(), hub.ill.store().webhooks().all(), "nothing was registered");
            assertEquals(201, hub.post("/api/ill/libraries/b/webhooks", staffB, Map.of("url", "https://8.8.8.8/hook")).status());
        }
    }

    @Test
    void theAdministratorMayAllowPrivateTargets() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC(), IllTestHub.LOCAL_RECEIVERS)) {
            hub.library("b", LibraryKind.CENTRAL, null, 31.32, 121.05);
            var answer = hub.post("/api/ill/libraries/b/webhooks", As.key(hub.staffKey("b")), Map.of("url", "http://127.0.0.1:9/hook"));
            assertEquals(201, answer.status(), answer.json().toString());
        }
    }
}
