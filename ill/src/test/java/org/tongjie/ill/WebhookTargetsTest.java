package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks go to public addresses only, IPv4 and IPv6, unless the administrator allows private targets. */
class WebhookTargetsTest {
    @TempDir
    Path dir;

    @Test
    void loopbackLinkLocalAndPrivateTargetsAreRefusedWithTheReason() {
        String cases = """
                http://127.0.0.1:9/hook                    | a loopback address
                http://localhost/hook                      | a loopback address
                http://[::1]/hook                          | a loopback address
                http://[::ffff:127.0.0.1]/hook             | a loopback address
                http://0.0.0.0:8080/                       | the unspecified address
                http://169.254.169.254/latest/meta-data/   | a link-local address
                http://[fe80::1]/hook                      | a link-local address
                https://10.1.2.3/hook                      | a private address
                https://172.16.0.1/hook                    | a private address
                https://172.31.255.255/hook                | a private address
                https://192.168.1.20/hook                  | a private address
                https://100.64.0.1/hook                    | a private address
                https://[fd12:3456::1]/hook                | a private address
                http://224.0.0.1/hook                      | a multicast address
                """;
        for (String line : cases.strip().split("\n")) {
            List<String> c = List.of(line.split("\\s*\\|\\s*"));
            var e = assertThrows(IllegalArgumentException.class, () -> WebhookTargets.PUBLIC_ONLY.check(URI.create(c.get(0))), c.get(0));
            assertTrue(e.getMessage().contains(c.get(1)) && e.getMessage().contains("ill.allow-private-webhooks"),
                    c.get(0) + ": " + e.getMessage());
            assertEquals(URI.create(c.get(0)), new WebhookTargets(true).check(URI.create(c.get(0))), "allowed when the administrator says so");
        }
    }

    @Test
    void publicAddressesAndTheEdgesOfThePrivateRangesPass() {
        for (String url : List.of("https://8.8.8.8/hook", "https://172.32.0.1/hook", "https://100.128.0.1/hook",
                "https://[2001:4860:4860::8888]/hook", "https://192.169.0.1/hook")) {
            assertEquals(URI.create(url), WebhookTargets.PUBLIC_ONLY.check(URI.create(url)), url);
        }
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> WebhookTargets.PUBLIC_ONLY.check(URI.create("https://no-such-host.invalid/hook")));
        assertTrue(e.getMessage().contains("does not resolve"), e.getMessage());
    }

    /** A webhook stored before the rule (or whose name now points inside) is not posted to: checked at each delivery. */
    @Test
    void deliveryChecksTheTargetAgainAndNeverConnects() throws Exception {
        var hits = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try (IllStore store = IllStore.openSqlite(dir.resolve("ill.db"), new Networks.MovableClock(Walk.T0))) {
            var hook = store.webhooks().register("KS", URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), "test");
            var entry = new OutboxEntry(1, 1, new Outgoing(WebhookTransport.CHANNEL, Long.toString(hook.id()), "application/json", "{}"),
                    Walk.T0, 0, Walk.T0, Optional.<Instant>empty(), Optional.<String>empty());
            var refused = new WebhookTransport(store.webhooks(), WebhookTargets.PUBLIC_ONLY, Duration.ofSeconds(5));
            var e = assertThrows(IllegalArgumentException.class, () -> refused.deliver(entry));
            assertTrue(e.getMessage().contains("a loopback address"), e.getMessage());
            assertEquals(0, hits.get(), "nothing reached the receiver");
            assertEquals("HTTP 204", new WebhookTransport(store.webhooks(), new WebhookTargets(true), Duration.ofSeconds(5)).deliver(entry));
            assertEquals(1, hits.get());
        } finally {
            receiver.stop(0);
        }
    }
}
