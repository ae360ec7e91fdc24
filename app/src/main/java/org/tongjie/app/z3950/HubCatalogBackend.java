package org.tongjie.app.z3950;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tongjie.z3950.Bib1Exception;
import org.tongjie.z3950.CatalogBackend;
import org.tongjie.z3950.ElementSet;
import org.tongjie.z3950.RecordSyntax;
import org.tongjie.z3950.RpnQuery;
import org.tongjie.z3950.ScanResult;
import org.tongjie.z3950.ScanTerm;
import org.tongjie.z3950.SearchResult;
import org.tongjie.z3950.SortKey;

/**
 * The Z39.50 server's backend, in the server's own JVM: it holds no files and asks the hub, over the
 * hub's loopback read endpoint ({@link ReadEndpoint}), for searches and records. GFS asks for records one
 * by one, so a record not yet fetched is fetched with the next positions of its result set
 * ({@value #WINDOW} in all), and a Present of 10 is one call. Scan asks the hub's index for its terms, and
 * Sort runs the set's query again in the order asked for. A hub that cannot be reached, or that refuses the secret, makes the
 * operation Bib-1 2 (temporary system error) and is named in the server's log.
 */
public final class HubCatalogBackend implements CatalogBackend {
    /** Positions fetched at once from the hub when a record is asked for that was not fetched before. */
    static final int WINDOW = 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final URI search;
    private final URI records;
    private final URI scan;
    private final String authorization;
    private final Prefetched prefetched = new Prefetched();

    HubCatalogBackend(URI hub, String secret) {
        this.search = hub.resolve(HubReads.SEARCH);
        this.records = hub.resolve(HubReads.RECORDS);
        this.scan = hub.resolve(HubReads.SCAN);
        this.authorization = "Bearer " + secret;
    }

    /**
     * Builds the backend from one argument, the hub's read endpoint; the secret comes from the
     * environment variable {@value HubReads#SECRET_VARIABLE}.
     */
    public static final class Factory implements CatalogBackend.Factory {
        @Override
        public CatalogBackend create(List<String> arguments) {
            if (arguments.size() != 1) {
                throw new IllegalArgumentException("expected one argument, the hub's read endpoint; got " + arguments);
            }
            String secret = Optional.ofNullable(System.getenv(HubReads.SECRET_VARIABLE)).orElse("");
            if (secret.isBlank()) {
                throw new IllegalArgumentException(HubReads.SECRET_VARIABLE + " is not set: the hub hands its"
                        + " read endpoint's secret to the Z39.50 server it starts");
            }
            return new HubCatalogBackend(URI.create(arguments.getFirst()), secret);
        }
    }

    @Override
    public SearchResult search(RpnQuery query) {
        return found(query.toPqf(), List.of());
    }

    /** Sorting runs the set's query again in the order asked for: the hub's index sorts, not this JVM. */
    @Override
    public SearchResult sort(SearchResult input, List<SortKey> keys) {
        return found(ResultSetHandle.decode(input.handle()).pqf(),
                keys.stream().map(k -> (k.descending() ? "-" : "") + k.field().name()).toList());
    }

    @Override
    public ScanResult scan(RpnQuery.Term start, int before, int count) {
        byte[] wanted = HubReads.write(new HubReads.Scan(start.use().name(), start.term(), before, count));
        HubReads.Scanned scanned = HubReads.read(call(scan, wanted), HubReads.Scanned.class);
        return new ScanResult(scanned.terms().stream().map(t -> new ScanTerm(t.term(), t.records())).toList(),
                scanned.position());
    }

    @Override
    public byte[] record(SearchResult result, int position, RecordSyntax syntax) {
        return record(result, position, syntax, ElementSet.FULL);
    }

    @Override
    public byte[] record(SearchResult result, int position, RecordSyntax syntax, ElementSet elements) {
        if (position > HubReads.MAX_PRESENTABLE) {
            throw new Bib1Exception(13, "only the first " + HubReads.MAX_PRESENTABLE
                    + " records of a result set can be presented");
        }
        return prefetched.take(result.handle(), position, syntax, elements)
                .orElseGet(() -> fetchWindow(result.handle(), position, syntax, elements))
                .bytesOrThrow();
    }

    private SearchResult found(String pqf, List<String> sort) {
        HubReads.Found found = find(pqf, sort, 0, HubReads.MAX_IDS);
        return new SearchResult(found.hits(), new ResultSetHandle(pqf, sort, found.ids()).encode());
    }

    /**
     * Fetches the record at {@code position} and the next ones, keeps those for later, returns the first.
     * Their ids are the search's, or past those, the query's hits from there now.
     */
    private HubReads.Served fetchWindow(String handle, int position, RecordSyntax syntax, ElementSet elements) {
        ResultSetHandle set = ResultSetHandle.decode(handle);
        List<String> ids = set.idAt(position).isPresent()
                ? set.ids().subList(position - 1, Math.min(set.ids().size(), position - 1 + WINDOW))
                : find(set.pqf(), set.sort(), position - 1, WINDOW).ids();
        if (ids.isEmpty()) {
            throw new Bib1Exception(13, position + " (fewer records match than when the set was made)");
        }
        byte[] wanted = HubReads.write(new HubReads.RecordsWanted(syntax.name(), elements.name(), ids));
        List<HubReads.Served> served = HubReads.read(call(records, wanted), HubReads.Records.class).records();
        if (served.size() != ids.size()) {
            throw new IllegalStateException("the hub answered " + served.size() + " records for " + ids.size() + " ids");
        }
        for (int i = 1; i < ids.size(); i++) {
            prefetched.put(handle, position + i, syntax, elements, served.get(i));
        }
        return served.getFirst();
    }

    private HubReads.Found find(String pqf, List<String> sort, int from, int count) {
        return HubReads.read(call(search, HubReads.write(new HubReads.Search(pqf, sort, from, count))),
                HubReads.Found.class);
    }

    private byte[] call(URI uri, byte[] json) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("the hub's read endpoint " + uri + " cannot be reached (" + e
                    + "): is the hub that started this server still running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the hub at " + uri, e);
        }
        return switch (response.statusCode()) {
            case 200 -> response.body();
            case 422 -> {
                HubReads.Refused refused = HubReads.read(response.body(), HubReads.Refused.class);
                throw new Bib1Exception(refused.diagnostic(), refused.addinfo());
            }
            case 401 -> throw new IllegalStateException("the hub's read endpoint " + uri + " refused this server's"
                    + " secret (HTTP 401): the server was not started by the hub now listening there");
            default -> throw new IllegalStateException("the hub's read endpoint " + uri + " answered HTTP "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        };
    }
}
