package org.tongjie.app.z3950;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.indexer.Catalog;
import org.tongjie.query.Hits;
import org.tongjie.query.IndexScan;
import org.tongjie.query.SortKey;
import org.tongjie.z3950.Bib1Exception;
import org.tongjie.z3950.ElementSet;
import org.tongjie.z3950.RecordSyntax;
import org.tongjie.z3950.RpnQuery;

/**
 * The hub's side of its Z39.50 server: the searches and record reads that server needs, answered from
 * the hub's own {@link Catalog} on 127.0.0.1 (a random port), for the holder of a secret made at start.
 * It is not part of the public HTTP API: the server's JVM holds no files, the hub alone opens them.
 * Wire format in {@link HubReads}.
 */
final class ReadEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadEndpoint.class);
    private static final int STATUS_OK = 200;
    private static final int STATUS_UNAUTHORISED = 401;
    private static final int STATUS_METHOD_NOT_ALLOWED = 405;
    private static final int STATUS_REFUSED = 422;
    private static final int STATUS_FAILED = 500;
    /** The most terms one Scan answers, whatever a client asks for. */
    private static final int MAX_SCAN_TERMS = 200;

    private final Catalog catalog;
    private final HttpServer server;
    private final ExecutorService threads;
    private final String secret;

    private ReadEndpoint(Catalog catalog, HttpServer server, ExecutorService threads, String secret) {
        this.catalog = catalog;
        this.server = server;
        this.threads = threads;
        this.secret = secret;
    }

    /** Serves {@code catalog}'s reads on a free loopback port until closed. */
    static ReadEndpoint start(Catalog catalog) {
        // The JDK server writes a response's headers and body apart; with Nagle's algorithm on, the body then
        // waits for the client's delayed ACK, which made every call ~10 ms. Read once, by the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Z39.50 server's read endpoint on the loopback interface", e);
        }
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        ReadEndpoint endpoint = new ReadEndpoint(catalog, server, threads, newSecret());
        server.createContext(HubReads.SEARCH, exchange -> endpoint.serve(exchange, endpoint::search));
        server.createContext(HubReads.RECORDS, exchange -> endpoint.serve(exchange, endpoint::records));
        server.createContext(HubReads.SCAN, exchange -> endpoint.serve(exchange, endpoint::scan));
        server.setExecutor(threads);
        server.start();
        return endpoint;
    }

    /** Where the server finds the endpoint, e.g. {@code http://127.0.0.1:41234/}. */
    URI address() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    /** The bearer token every call must carry; handed to the server's JVM through its environment. */
    String secret() {
        return secret;
    }

    private HubReads.Found search(byte[] json) {
        HubReads.Search search = HubReads.read(json, HubReads.Search.class);
        RpnQuery query = RpnQuery.fromPqf(search.pqf());
        int from = Math.clamp(search.from(), 0, HubReads.MAX_PRESENTABLE);
        int count = Math.clamp(search.count(), 0, Math.min(HubReads.MAX_IDS, HubReads.MAX_PRESENTABLE - from));
        List<SortKey> order = search.sort() == null ? List.of() : search.sort().stream().map(ReadEndpoint::sortKey).toList();
        Hits hits = catalog.search().findIds(RpnQueries.of(query), order, from, count);
        return new HubReads.Found(hits.total(), hits.describingRecordIds());
    }

    /** "TITLE" or "-DATE": a {@link org.tongjie.z3950.SortKey.Field} name, descending with a leading "-". */
    private static SortKey sortKey(String key) {
        boolean descending = key.startsWith("-");
        return new SortKey(SortKey.Field.valueOf(descending ? key.substring(1) : key), descending);
    }

    /** Scans the index the use attribute names; "any" has no index of its own to scan (Bib-1 114). */
    private HubReads.Scanned scan(byte[] json) {
        HubReads.Scan wanted = HubReads.read(json, HubReads.Scan.class);
        RpnQuery.Use use = RpnQuery.Use.valueOf(wanted.use());
        if (use == RpnQuery.Use.ANY || use == RpnQuery.Use.DATE) {
            throw new Bib1Exception(114, use.bib1 + " (Scan: title 4, author 1003, subject 21, ISBN 7, ISSN 8,"
                    + " local number 12)");
        }
        IndexScan scanned = catalog.search().scan(RpnQueries.index(use), wanted.term(),
                Math.max(0, wanted.before()), Math.clamp(wanted.count(), 0, MAX_SCAN_TERMS));
        return new HubReads.Scanned(scanned.terms().stream().map(t -> new HubReads.Term(t.term(), t.records())).toList(),
                scanned.position());
    }

    private HubReads.Records records(byte[] json) {
        HubReads.RecordsWanted wanted = HubReads.read(json, HubReads.RecordsWanted.class);
        RecordSyntax syntax = RecordSyntax.valueOf(wanted.syntax());
        ElementSet elements = wanted.elements() == null ? ElementSet.FULL : ElementSet.valueOf(wanted.elements());
        return new HubReads.Records(wanted.ids().stream().map(id -> served(id, syntax, elements)).toList());
    }

    /**
     * The union record a describing record id names, presented from the member record that fits the syntax
     * (see {@link ServedRecords}), or its Bib-1 diagnostic.
     */
    private HubReads.Served served(String describingId, RecordSyntax syntax, ElementSet elements) {
        try {
            UnionRecord union = catalog.search().record(describingId)
                    .orElseThrow(() -> deleted(describingId));
            UnionRecord.Member member = ServedRecords.member(union, syntax);
            SourceRecord source = catalog.search().sourceRecord(member.recordId()).filter(r -> !r.deleted())
                    .orElseThrow(() -> deleted(member.recordId()));
            return HubReads.Served.of(ServedRecords.render(source, union.holdings(), syntax, elements));
        } catch (Bib1Exception e) {
            return HubReads.Served.refused(e);
        }
    }

    private static Bib1Exception deleted(String recordId) {
        return new Bib1Exception(14, "record " + recordId + " was deleted after the search");
    }

    private void serve(HttpExchange exchange, Function<byte[], Object> answer) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                reply(exchange, STATUS_METHOD_NOT_ALLOWED, new HubReads.Refused(HubReads.TEMPORARY_SYSTEM_ERROR, "POST only"));
            } else if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, STATUS_UNAUTHORISED, new HubReads.Refused(HubReads.TEMPORARY_SYSTEM_ERROR, "wrong or missing secret"));
            } else {
                byte[] body = exchange.getRequestBody().readAllBytes();
                try {
                    reply(exchange, STATUS_OK, answer.apply(body));
                } catch (Bib1Exception e) {
                    reply(exchange, STATUS_REFUSED, new HubReads.Refused(e.code(), e.addinfo()));
                } catch (RuntimeException e) {
                    LOG.error("the Z39.50 server's {} failed", exchange.getRequestURI().getPath(), e);
                    reply(exchange, STATUS_FAILED, new HubReads.Refused(HubReads.TEMPORARY_SYSTEM_ERROR, e.toString()));
                }
            }
        }
    }

    /** Compared in constant time, so the answer's timing does not tell how much of a guess was right. */
    private boolean authorised(String header) {
        byte[] expected = ("Bearer " + secret).getBytes(StandardCharsets.UTF_8);
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    private static void reply(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] body = HubReads.write(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
