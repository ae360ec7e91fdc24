package org.tongjie.app.z3950;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongjie.z3950.Bib1Exception;
import org.tongjie.z3950.CatalogBackend;
import org.tongjie.z3950.RecordSyntax;
import org.tongjie.z3950.RpnQuery;
import org.tongjie.z3950.SearchResult;

/**
 * The Z39.50 server's backend, in the server's own JVM: it holds no files and asks the hub, over the
 * hub's loopback read endpoint ({@link ReadEndpoint}), for searches and records. GFS asks for records one
 * by one, so a record not yet fetched is fetched with the next {@value #WINDOW} positions of its result
 * set, and a Present of 10 is one call. A hub that cannot be reached, or that refuses the secret, makes the
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
    private final String authorization;
    private final Prefetched prefetched = new Prefetched();

    HubCatalogBackend(URI hub, String secret) {
        this.search = hub.resolve(HubReads.SEARCH);
        this.records = hub.resolve(HubReads.RECORDS);
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
        HubReads.Found found = HubReads.read(
                call(search, query.toPqf().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"),
                HubReads.Found.class);
        return new SearchResult(found.hits(), String.join("\n", found.ids()));
    }

    @Override
    public byte[] record(SearchResult result, int position, RecordSyntax syntax) {
        String recordId = idAt(result.handle(), position).orElseThrow(() -> new Bib1Exception(13,
                position > HubReads.MAX_PRESENTABLE
                        ? "only the first " + HubReads.MAX_PRESENTABLE + " records of a result set can be presented"
                        : Integer.toString(position)));
        return prefetched.take(recordId, syntax)
                .orElseGet(() -> fetchWindow(result.handle(), position, syntax))
                .bytesOrThrow();
    }

    /** Fetches the record at {@code position} and the next ones, keeps those for later, returns the first. */
    private HubReads.Served fetchWindow(String handle, int position, RecordSyntax syntax) {
        List<String> ids = new ArrayList<>();
        for (int at = position; at < position + WINDOW; at++) {
            Optional<String> id = idAt(handle, at);
            if (id.isEmpty()) {
                break;
            }
            ids.add(id.get());
        }
        byte[] wanted = HubReads.write(new HubReads.RecordsWanted(syntax.name(), ids));
        List<HubReads.Served> served = HubReads.read(call(records, wanted, "application/json"), HubReads.Records.class)
                .records();
        if (served.size() != ids.size()) {
            throw new IllegalStateException("the hub answered " + served.size() + " records for " + ids.size() + " ids");
        }
        for (int i = 1; i < ids.size(); i++) {
            prefetched.put(ids.get(i), syntax, served.get(i));
        }
        return served.getFirst();
    }

    /**
     * The id at a 1-based position of the handle's lines, found without splitting the whole handle: GFS
     * asks once per record presented, and a handle holds up to {@link HubReads#MAX_PRESENTABLE} ids.
     */
    static Optional<String> idAt(String handle, int position) {
        if (position < 1 || handle.isEmpty()) {
            return Optional.empty();
        }
        int start = 0;
        for (int line = 1; line < position; line++) {
            start = handle.indexOf('\n', start) + 1;
            if (start == 0) {
                return Optional.empty();
            }
        }
        int end = handle.indexOf('\n', start);
        return Optional.of(end < 0 ? handle.substring(start) : handle.substring(start, end));
    }

    private byte[] call(URI uri, byte[] body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
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
