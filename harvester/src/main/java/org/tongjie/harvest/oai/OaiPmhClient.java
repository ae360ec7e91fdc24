package org.tongjie.harvest.oai;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAI-PMH 2.0 harvester for one endpoint: {@code Identify} and {@code ListRecords}, every page
 * streamed through StAX (no page is ever a DOM), records handed to an {@link OaiRecordSink} page by page
 * with a checkpoint after each. Failures are {@link OaiHarvestException}s whose message names the URL.
 * Thread-safe; one instance may serve several harvests, and {@link #close()} releases its HTTP client.
 */
public final class OaiPmhClient implements AutoCloseable {
    private final OaiEndpoint endpoint;
    private final HttpClient http;
    private final Fetcher fetcher;

    /**
     * @param clock reads the time for {@code Retry-After} dates
     * @param sleeper waits between retries
     */
    public OaiPmhClient(OaiEndpoint endpoint, OaiClientSettings settings, Clock clock, Sleeper sleeper) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.fetcher = new Fetcher(http, settings, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(sleeper, "sleeper"));
    }

    /** With {@link OaiClientSettings#defaults()}, the system clock, and real sleeping. */
    public static OaiPmhClient create(OaiEndpoint endpoint) {
        return new OaiPmhClient(endpoint, OaiClientSettings.defaults(), Clock.systemUTC(), Sleeper.system());
    }

    public OaiEndpoint endpoint() {
        return endpoint;
    }

    /** The repository's name, granularity, earliest datestamp and deleted-record policy. */
    public OaiIdentity identify() {
        return fetcher.fetch(OaiRequests.identify(endpoint), ResponseReader::identify);
    }

    /**
     * Walks a ListRecords list to its end. Start a harvest with {@code from}/{@code until} (either may be
     * empty; they are sent in the granularity the repository declares, asked with one Identify first), or
     * resume one with the {@code nextToken} of the last {@link PageCheckpoint} stored, alone.
     * {@code noRecordsMatch} is an empty, successful harvest.
     *
     * @throws BadResumptionTokenException when the provider refuses the token: harvest again without
     *     the token, {@code from} the last successful run's datestamp
     * @throws OaiHarvestException on any other failure; pages before the failing one have reached the sink
     * @throws IllegalArgumentException when a token is given together with {@code from} or {@code until}
     */
    public HarvestSummary listRecords(Optional<Instant> from, Optional<Instant> until, Optional<String> resumeToken,
            OaiRecordSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (resumeToken.isPresent() && (from.isPresent() || until.isPresent())) {
            throw new IllegalArgumentException("a resumption token carries its own from/until: pass the token alone");
        }
        URI url = resumeToken.map(token -> OaiRequests.resume(endpoint, token)).orElseGet(() -> firstPage(from, until));
        return walk(url, resumeToken, sink);
    }

    private URI firstPage(Optional<Instant> from, Optional<Instant> until) {
        if (from.isEmpty() && until.isEmpty()) {
            return OaiRequests.listRecords(endpoint, Optional.empty(), Optional.empty());
        }
        Granularity granularity = identify().granularity();
        return OaiRequests.listRecords(endpoint, from.map(granularity::format), until.map(granularity::format));
    }

    private HarvestSummary walk(URI firstUrl, Optional<String> firstToken, OaiRecordSink sink) {
        URI url = firstUrl;
        Optional<String> sent = firstToken;
        Optional<Instant> responseDate = Optional.empty();
        int pages = 0;
        long records = 0;
        while (true) {
            ListRecordsPage page = fetcher.fetch(url, ResponseReader.listRecords(sent));
            page.records().forEach(sink::record);
            sink.pageDone(page.checkpoint());
            responseDate = pages == 0 ? page.responseDate() : responseDate;
            pages++;
            records += page.records().size();
            Optional<String> next = page.checkpoint().nextToken();
            if (next.isEmpty()) {
                return new HarvestSummary(pages, records, responseDate);
            }
            if (next.equals(sent)) {
                throw new OaiResponseException(url, "the provider sent back the resumption token it was asked for; "
                        + "stopped so the harvest does not loop forever. Report it to the member library.");
            }
            sent = next;
            url = OaiRequests.resume(endpoint, next.get());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
