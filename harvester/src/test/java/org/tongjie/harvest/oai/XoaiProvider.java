package org.tongjie.harvest.oai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gdcc.xoai.dataprovider.DataProvider;
import io.gdcc.xoai.dataprovider.model.Context;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.repository.Repository;
import io.gdcc.xoai.dataprovider.repository.RepositoryConfiguration;
import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.services.impl.SimpleResumptionTokenFormat;
import io.gdcc.xoai.xml.XmlWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A real OAI-PMH provider for the tests: XOAI's {@link DataProvider} over {@link InMemoryItems}, served
 * by the JDK's HTTP server on 127.0.0.1 and a port the system picks. XOAI builds and validates every
 * response; this class only moves query parameters in and XML out.
 */
final class XoaiProvider implements AutoCloseable {
    static final String MARCXML_NS = "http://www.loc.gov/MARC21/slim";
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    // XOAI 5.2.0's CopyElement strips XML declarations with one static java.util.regex.Matcher shared by
    // every thread: two responses written at once corrupt each other's records. Tests run in parallel,
    // so every XOAI provider in this JVM writes under this lock (the only static state here, and it is XOAI's).
    private static final ReentrantLock XOAI_COPY_ELEMENT = new ReentrantLock();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger requests = new AtomicInteger();
    private final URI baseUrl;

    private XoaiProvider(InMemoryItems items, Granularity granularity, DeletedRecord deletedRecord, int pageSize) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai");
        var configuration = new RepositoryConfiguration.RepositoryConfigurationBuilder()
                .withRepositoryName("LC samples (XOAI test provider)")
                .withBaseUrl(baseUrl.toString())
                .withAdminEmail("oai@example.org")
                .withEarliestDate(EARLIEST)
                .withGranularity(granularity)
                .withDeleteMethod(deletedRecord)
                .withMaxListRecords(pageSize)
                .withMaxListIdentifiers(pageSize)
                .withMaxListSets(pageSize)
                .withResumptionTokenFormat(new SimpleResumptionTokenFormat().withGranularity(granularity))
                .withRequireFromAfterEarliest(false)
                .build();
        var context = new Context().withMetadataFormat(MetadataFormat.metadataFormat("marc21")
                .withNamespace(MARCXML_NS)
                .withSchemaLocation("http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd")
                .withTransformer(MetadataFormat.identity()));
        var provider = DataProvider.dataProvider(context,
                new Repository(configuration).withItemRepository(items).withSetRepository(items));
        server.createContext("/oai", exchange -> serve(exchange, provider, configuration));
        server.setExecutor(executor);
        server.start();
    }

    static XoaiProvider start(InMemoryItems items, Granularity granularity, DeletedRecord deletedRecord, int pageSize) {
        return new XoaiProvider(items, granularity, deletedRecord, pageSize);
    }

    URI baseUrl() {
        return baseUrl;
    }

    int requestCount() {
        return requests.get();
    }

    private void serve(HttpExchange exchange, DataProvider provider, RepositoryConfiguration configuration)
            throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            var body = new ByteArrayOutputStream();
            XOAI_COPY_ELEMENT.lock();
            try (var writer = new XmlWriter(body, configuration)) {
                writer.write(provider.handle(parameters(exchange.getRequestURI().getRawQuery())));
            } catch (RuntimeException | javax.xml.stream.XMLStreamException e) {
                // What a servlet container does with an exception from XOAI, e.g. on a token that is not base64.
                exchange.sendResponseHeaders(500, -1);
                return;
            } finally {
                XOAI_COPY_ELEMENT.unlock();
            }
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.size());
            body.writeTo(exchange.getResponseBody());
        }
    }

    private static Map<String, String[]> parameters(String rawQuery) {
        var collected = new LinkedHashMap<String, List<String>>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        var parameters = new LinkedHashMap<String, String[]>();
        collected.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return parameters;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
