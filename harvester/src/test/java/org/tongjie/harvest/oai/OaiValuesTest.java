package org.tongjie.harvest.oai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small values and parsers behind the client. */
class OaiValuesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);

    @Test
    void anEndpointRejectsABaseUrlWithAQueryAndNamesIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> OaiEndpoint.marc21(URI.create("https://opac.example.cn/oai?verb=Identify")));
        assertEquals("the OAI-PMH base URL must not carry a query or fragment (the client adds verb=…): "
                + "https://opac.example.cn/oai?verb=Identify", e.getMessage());
    }

    @Test
    void anEndpointRejectsARelativeUrlAndABadPrefixOrSet() {
        assertThrows(IllegalArgumentException.class, () -> OaiEndpoint.marc21(URI.create("/oai")));
        assertThrows(IllegalArgumentException.class, () -> OaiEndpoint.marc21(URI.create("ftp://example.cn/oai")));
        assertThrows(IllegalArgumentException.class,
                () -> new OaiEndpoint(URI.create("http://example.cn/oai"), "marc 21", Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new OaiEndpoint(URI.create("http://example.cn/oai"), "marc21", Optional.of("a::b")));
        assertEquals(Optional.of("lib:branch-1"),
                new OaiEndpoint(URI.create("http://example.cn/oai"), "marc21", Optional.of("lib:branch-1")).set());
    }

    @Test
    void fromAndUntilAreFormattedInTheRepositorysGranularity() {
        Instant t = Instant.parse("2024-03-05T23:59:58.750Z");
        assertEquals("2024-03-05", Granularity.DAY.format(t));
        assertEquals("2024-03-05T23:59:58Z", Granularity.SECOND.format(t));
    }

    @Test
    void requestUrlsEncodeArgumentsAndAResumptionGoesAlone() {
        var endpoint = new OaiEndpoint(URI.create("http://example.cn/oai"), "marc21", Optional.of("lib:a"));
        assertEquals("http://example.cn/oai?verb=ListRecords&metadataPrefix=marc21&from=2024-03-05&set=lib%3Aa",
                OaiRequests.listRecords(endpoint, Optional.of("2024-03-05"), Optional.empty()).toString());
        assertEquals("http://example.cn/oai?verb=ListRecords&resumptionToken=a%2Bb%3D%3D",
                OaiRequests.resume(endpoint, "a+b==").toString());
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", CLOCK));
        assertEquals(Optional.of(Duration.ofMinutes(1)), RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", CLOCK));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", CLOCK));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", CLOCK));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        var settings = new OaiClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 9, Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofMinutes(1));
        assertEquals(Duration.ofSeconds(2), settings.backoff(1));
        assertEquals(Duration.ofSeconds(8), settings.backoff(3));
        assertEquals(Duration.ofSeconds(10), settings.backoff(4));
        assertEquals(Duration.ofSeconds(10), settings.backoff(30));
    }

    @Test
    void settingsFailFastAndSayWhich() {
        var e = assertThrows(IllegalArgumentException.class, () -> new OaiClientSettings(Duration.ofSeconds(1),
                Duration.ZERO, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertEquals("requestTimeout must be positive: PT0S", e.getMessage());
    }

    @Test
    void controlCharactersForbiddenInXmlBecomeReplacementCharactersAndTheRestIsUntouched() throws IOException {
        byte[] in = "a\u001Fb\tc\n長\u0007".getBytes(StandardCharsets.UTF_8);
        try (var filter = new ControlCharFilter(new ByteArrayInputStream(in))) {
            assertArrayEquals("a\uFFFDb\tc\n長\uFFFD".getBytes(StandardCharsets.UTF_8), filter.readAllBytes());
        }
    }
}
