package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.LiveTarget;
import org.tongjie.z3950.Peer;

/**
 * GET /api/search?live=true against real Z39.50 targets: yaz-ztest (its 1016 "computer" search finds 23),
 * a closed port, and a socket that accepts and never answers. Each test has its own hub and sockets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveFederatedSearchTest {
    private static final Duration SILENT_TIMEOUT = Duration.ofSeconds(1);

    private Process ztest;
    private int ztestPort;

    @BeforeAll
    void startZtest(@TempDir Path dir) throws Exception {
        Peer.requireInstalled("/usr/bin/yaz-ztest", "yaz");
        ztestPort = freePort();
        ztest = new ProcessBuilder("/usr/bin/yaz-ztest", "tcp:127.0.0.1:" + ztestPort).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("yaz-ztest.log").toFile()).start();
        awaitAccepting(ztestPort);
    }

    @AfterAll
    void stopZtest() throws InterruptedException {
        if (ztest != null) {
            ztest.destroy();
            if (!ztest.waitFor(5, TimeUnit.SECONDS)) {
                ztest.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aLiveMembersHitsComeMarkedLiveBesideTheLocalPage(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir)) {
            hub.catalog.libraries().save(live("ztest-live", LiveTarget.of("127.0.0.1", ztestPort, "Default")));

            JsonNode page = hub.get("/api/search?q=computer&live=true").json();

            assertEquals(0, page.get("total").asLong(), "the local page is as without live=true");
            JsonNode status = page.get("live").get(0);
            assertEquals("ztest-live", status.get("libraryId").asText());
            assertEquals("OK", status.get("status").asText(), status.toString());
            assertEquals(23, status.get("hits").asLong());
            assertFalse(status.has("message"));
            assertEquals(10, page.get("liveHits").size(), "the first records of 23");
            for (JsonNode hit : page.get("liveHits")) {
                assertEquals("ztest-live", hit.get("libraries").get(0).asText());
                assertFalse(hit.get("title").asText().isBlank(), hit.toString());
            }
        }
    }

    @Test
    void aClosedPortIsAnErrorReportedQuickly(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir)) {
            hub.catalog.libraries().save(live("ztest-live", LiveTarget.of("127.0.0.1", ztestPort, "Default")));
            hub.catalog.libraries().save(live("closed", LiveTarget.of("127.0.0.1", freePort(), "Default")
                    .withTimeout(Duration.ofSeconds(5))));

            Instant start = Instant.now();
            JsonNode page = hub.get("/api/search?q=computer&live=true").json();

            assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0, "not the 5 s timeout");
            Map<String, JsonNode> byMember = byMember(page);
            assertEquals("ERROR", byMember.get("closed").get("status").asText());
            assertTrue(byMember.get("closed").get("message").asText().contains("Connect failed"),
                    byMember.get("closed").toString());
            assertEquals("OK", byMember.get("ztest-live").get("status").asText(), "the others are still searched");
            assertEquals(10, page.get("liveHits").size());
        }
    }

    @Test
    void anAdvancedFormSearchAsksTheLiveMembersToo(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir)) {
            hub.catalog.libraries().save(live("ztest-live", LiveTarget.of("127.0.0.1", ztestPort, "Default")));

            JsonNode status = hub.get("/api/search?title=computer&live=true").json().get("live").get(0);

            assertEquals("OK", status.get("status").asText(), status.toString());
            assertTrue(status.get("hits").asLong() > 0, status.toString());
        }
    }

    @Test
    void aTargetThatNeverAnswersTimesOutWithoutHoldingTheAnswer(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir); var silent = new SilentTarget()) {
            hub.catalog.libraries().save(live("ztest-live", LiveTarget.of("127.0.0.1", ztestPort, "Default")));
            hub.catalog.libraries().save(live("silent", LiveTarget.of("127.0.0.1", silent.port(), "Default")
                    .withTimeout(SILENT_TIMEOUT)));

            Instant start = Instant.now();
            var answer = hub.get("/api/search?q=computer&live=true");
            Duration took = Duration.between(start, Instant.now());

            assertEquals(200, answer.status());
            // Not a speed check: a generous bound that only a search waiting on the silent target would break.
            assertTrue(took.compareTo(SILENT_TIMEOUT.plusSeconds(10)) < 0, "took " + took);
            Map<String, JsonNode> byMember = byMember(answer.json());
            assertEquals("TIMEOUT", byMember.get("silent").get("status").asText(), byMember.get("silent").toString());
            assertTrue(byMember.get("silent").get("message").asText().contains("timeoutMs"));
            assertEquals("OK", byMember.get("ztest-live").get("status").asText());
            assertEquals(1, silent.accepted(), "the silent target was asked");
        }
    }

    @Test
    void withoutLiveNoTargetIsContacted(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir); var silent = new SilentTarget()) {
            hub.catalog.libraries().save(live("silent", LiveTarget.of("127.0.0.1", silent.port(), "Default")
                    .withTimeout(SILENT_TIMEOUT)));

            JsonNode plain = hub.get("/api/search?q=computer").json();
            JsonNode off = hub.get("/api/search?q=computer&live=false").json();
            JsonNode blank = hub.get("/api/search?q=&live=true").json();

            assertFalse(plain.has("live") || plain.has("liveHits"));
            assertFalse(off.has("live") || off.has("liveHits"));
            assertEquals(0, blank.get("live").size(), "an empty query searches no live member");
            Thread.sleep(200);
            assertEquals(0, silent.accepted());
        }
    }

    @Test
    void liveMustBeABoolean(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir)) {
            var answer = hub.get("/api/search?q=computer&live=maybe");
            assertEquals(400, answer.status());
            assertTrue(answer.json().get("detail").asText().contains("live"), answer.json().toString());
        }
    }

    @Test
    void theDirectoryKeepsTheLiveTarget(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir)) {
            LiveTarget target = LiveTarget.of("z3950.example.org", 210, "INNOPAC")
                    .withSyntax(LiveTarget.Syntax.UNIMARC).withTimeout(Duration.ofMillis(2500));
            hub.catalog.libraries().save(live("remote", target));
            hub.withLibrary("harvested", LibraryKind.BRANCH);

            assertEquals(Optional.of(target), hub.catalog.libraries().get("remote").orElseThrow().liveTarget());
            assertEquals(Optional.empty(), hub.catalog.libraries().get("harvested").orElseThrow().liveTarget());
            JsonNode shown = hub.get("/api/libraries/remote").json();
            assertEquals("UNIMARC", shown.at("/liveTarget/syntax").asText(), shown.toString());
        }
    }

    static Library live(String id, LiveTarget target) {
        return new Library(id, id + "图书馆", id + " library", LibraryKind.BRANCH, Optional.empty(), "", Optional.empty())
                .withLiveTarget(target);
    }

    private static Map<String, JsonNode> byMember(JsonNode page) {
        var out = new TreeMap<String, JsonNode>();
        page.get("live").forEach(status -> out.put(status.get("libraryId").asText(), status));
        return out;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitAccepting(int port) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("yaz-ztest did not accept on port " + port + " within 15 s");
    }

    /** A target that accepts connections, counts them, and never says a word: a hung Z39.50 server. */
    static final class SilentTarget implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentTarget() throws IOException {
            server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().name("silent-target").start(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
            acceptor.join(1000);
        }
    }
}
