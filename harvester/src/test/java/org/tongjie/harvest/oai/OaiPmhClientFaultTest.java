package org.tongjie.harvest.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Granularity;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Faults between the client and XOAI, injected by {@link FaultyFront}: each retried or reported, nothing lost or doubled. */
class OaiPmhClientFaultTest {
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final OaiClientSettings SETTINGS = new OaiClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 3,
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

    private static XoaiProvider provider(InMemoryItems items) {
        return XoaiProvider.start(items, Granularity.Second, DeletedRecord.PERSISTENT, 10);
    }

    private static IntFunction<Optional<FaultyFront.Fault>> on(int request, FaultyFront.Fault fault) {
        return n -> n == request ? Optional.of(fault) : Optional.empty();
    }

    private static OaiPmhClient client(URI baseUrl, OaiClientSettings settings, Sleeper sleeper) {
        return new OaiPmhClient(OaiEndpoint.marc21(baseUrl), settings, CLOCK, sleeper);
    }

    private static List<String> allIds(InMemoryItems items) {
        return items.all().stream().map(InMemoryItems.StoredItem::identifier).toList();
    }

    private static RecordingSink harvest(OaiPmhClient client) {
        var sink = new RecordingSink();
        client.listRecords(Optional.empty(), Optional.empty(), Optional.empty(), sink);
        return sink;
    }

    @Test
    void a503WithRetryAfterSecondsIsWaitedOutAndEveryRecordArrivesOnce() {
        InMemoryItems items = LcItems.at(NOW.minusSeconds(86_400));
        var sleeper = new RecordingSleeper();
        try (var provider = provider(items);
                var front = FaultyFront.before(provider.baseUrl(), on(3, new FaultyFront.Status(503, Map.of("Retry-After", "7"))));
                var client = client(front.baseUrl(), SETTINGS, sleeper)) {
            RecordingSink sink = harvest(client);

            assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits);
            assertEquals(allIds(items), sink.identifiers());
            assertEquals(front.seen().get(2), front.seen().get(3), "the refused page is asked for again");
        }
    }

    @Test
    void a503WithRetryAfterAsAnHttpDateWaitsUntilThatDateByTheInjectedClock() {
        InMemoryItems items = LcItems.at(NOW.minusSeconds(86_400));
        var sleeper = new RecordingSleeper();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
        try (var provider = provider(items);
                var front = FaultyFront.before(provider.baseUrl(), on(1, new FaultyFront.Status(503, Map.of("Retry-After", date))));
                var client = client(front.baseUrl(), SETTINGS, sleeper)) {
            RecordingSink sink = harvest(client);

            assertEquals(List.of(Duration.ofSeconds(90)), sleeper.waits);
            assertEquals(allIds(items), sink.identifiers());
        }
    }

    @Test
    void aRetryAfterLongerThanARunWaitsIsReportedAtOnce() {
        var sleeper = new RecordingSleeper();
        try (var front = FaultyFront.before(URI.create("http://127.0.0.1:9/unused"),
                        n -> Optional.of(new FaultyFront.Status(503, Map.of("Retry-After", "7200"))));
                var client = client(front.baseUrl(), SETTINGS, sleeper)) {
            var e = assertThrows(OaiTransportException.class, client::identify);

            assertEquals(1, e.attempts());
            assertTrue(sleeper.waits.isEmpty());
            assertTrue(e.getMessage().contains("PT2H") && e.getMessage().contains("Run the harvest again later"), e.getMessage());
        }
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() {
        InMemoryItems items = LcItems.at(NOW.minusSeconds(86_400));
        var sleeper = new RecordingSleeper();
        try (var provider = provider(items);
                var front = FaultyFront.before(provider.baseUrl(), n -> n >= 2 && n <= 4
                        ? Optional.of(new FaultyFront.Status(500 + n, Map.of())) : Optional.empty());
                var client = client(front.baseUrl(), SETTINGS, sleeper)) {
            RecordingSink sink = harvest(client);

            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.waits);
            assertEquals(allIds(items), sink.identifiers());
        }
    }

    @Test
    void serverErrorsPastTheRetryLimitAreReportedWithTheUrl() {
        var sleeper = new RecordingSleeper();
        try (var front = FaultyFront.before(URI.create("http://127.0.0.1:9/unused"),
                        n -> Optional.of(new FaultyFront.Status(502, Map.of())));
                var client = client(front.baseUrl(), SETTINGS, sleeper)) {
            var e = assertThrows(OaiTransportException.class, client::identify);

            assertEquals(SETTINGS.maxRetries() + 1, e.attempts());
            assertEquals(front.baseUrl() + "?verb=Identify", e.url().toString());
            assertTrue(e.getMessage().contains(e.url().toString()) && e.getMessage().contains("HTTP 502"), e.getMessage());
        }
    }

    @Test
    void aNotFoundIsNotRetried() {
        var sleeper = new RecordingSleeper();
        try (var front = FaultyFront.before(URI.create("http://127.0.0.1:9/unused"),
                        n -> Optional.of(new FaultyFront.Status(404, Map.of())));
                var client = client(front.baseUrl(), SETTINGS, sleeper)) {
            var e = assertThrows(OaiTransportException.class, client::identify);

            assertEquals(1, e.attempts());
            assertTrue(sleeper.waits.isEmpty());
            assertTrue(e.getMessage().contains("base URL"), e.getMessage());
        }
    }

    @Test
    void aMalformedPageMidHarvestStopsItAfterTheEarlierPagesWereDelivered() {
        InMemoryItems items = LcItems.at(NOW.minusSeconds(86_400));
        var sleeper = new RecordingSleeper();
        try (var provider = provider(items);
                var front = FaultyFront.before(provider.baseUrl(), on(4, new FaultyFront.Corrupt()));
                var client = client(front.baseUrl(), SETTINGS, sleeper)) {
            var sink = new RecordingSink();

            var e = assertThrows(OaiResponseException.class,
                    () -> client.listRecords(Optional.empty(), Optional.empty(), Optional.empty(), sink));

            URI page4 = front.seen().get(3);
            assertTrue(page4.getQuery().contains("resumptionToken="), page4.toString());
            assertEquals(page4, e.url());
            assertTrue(e.getMessage().contains(page4.toString()), e.getMessage());
            assertTrue(e.getMessage().matches("(?s).*line \\d+, column \\d+.*"), e.getMessage());
            assertEquals(allIds(items).subList(0, 30), sink.identifiers(), "whole pages only, none twice");
            assertEquals(3, sink.checkpoints.size());
            assertTrue(sleeper.waits.isEmpty(), "bad XML is not retried");
        }
    }

    @Test
    void aProviderThatHangsPastTheRequestTimeoutIsRetriedThenReported() {
        var settings = new OaiClientSettings(Duration.ofSeconds(2), Duration.ofMillis(300), 2, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(5));
        var sleeper = new RecordingSleeper();
        try (var front = FaultyFront.before(URI.create("http://127.0.0.1:9/unused"),
                        n -> Optional.of(new FaultyFront.Hang()));
                var client = client(front.baseUrl(), settings, sleeper)) {
            var e = assertThrows(OaiTransportException.class, client::identify);

            assertEquals(3, e.attempts());
            assertEquals(3, front.seen().size());
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits);
            assertTrue(e.getMessage().contains("request timeout of PT0.3S"), e.getMessage());
        }
    }

    @Test
    void aRefusedConnectionIsReportedWithTheUrl() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + closedPort + "/oai");
        var sleeper = new RecordingSleeper();
        try (var client = client(base, SETTINGS, sleeper)) {
            var e = assertThrows(OaiTransportException.class,
                    () -> client.listRecords(Optional.empty(), Optional.empty(), Optional.empty(), new RecordingSink()));

            assertEquals(SETTINGS.maxRetries() + 1, e.attempts());
            assertTrue(e.getMessage().startsWith("OAI-PMH request " + base + "?verb=ListRecords&metadataPrefix=marc21 failed"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        }
    }
}
