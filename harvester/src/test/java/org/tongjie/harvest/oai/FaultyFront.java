package org.tongjie.harvest.oai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A fault injector in front of a provider: request n (counting from 1) gets the fault the script names for
 * it, or the provider's own answer. Its own JDK HTTP server on 127.0.0.1 and a free port.
 */
final class FaultyFront implements AutoCloseable {
    sealed interface Fault {}

    /** Answers with this status and headers, no body. */
    record Status(int code, Map<String, String> headers) implements Fault {}

    /** Forwards the provider's page with stray markup in its middle: no longer well-formed XML. */
    record Corrupt() implements Fault {}

    /** Never answers (until the front closes). */
    record Hang() implements Fault {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient forward = HttpClient.newHttpClient();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<URI> seen = new CopyOnWriteArrayList<>();
    private final URI target;
    private final IntFunction<Optional<Fault>> script;

    private FaultyFront(URI target, IntFunction<Optional<Fault>> script) {
        this.target = target;
        this.script = script;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    /** In front of {@code target}; {@code target} may be any URL when every request gets a fault. */
    static FaultyFront before(URI target, IntFunction<Optional<Fault>> script) {
        return new FaultyFront(target, script);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai");
    }

    /** The request URLs as the client sent them, in order. */
    List<URI> seen() {
        return List.copyOf(seen);
    }

    private void serve(HttpExchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        seen.add(baseUrl().resolve(exchange.getRequestURI()));
        try (exchange) {
            switch (script.apply(n).orElse(null)) {
                case Status status -> {
                    status.headers().forEach(exchange.getResponseHeaders()::set);
                    exchange.sendResponseHeaders(status.code(), -1);
                }
                case Hang hang -> awaitClosing();
                case Corrupt corrupt -> send(exchange, corrupt(forwarded(exchange)));
                case null -> send(exchange, forwarded(exchange));
            }
        }
    }

    private byte[] forwarded(HttpExchange exchange) throws IOException {
        URI url = URI.create(target + "?" + exchange.getRequestURI().getRawQuery());
        try {
            return forward.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static byte[] corrupt(byte[] page) {
        String xml = new String(page, StandardCharsets.UTF_8);
        int middle = xml.indexOf("</record>", xml.length() / 2);
        return (xml.substring(0, middle) + "<not well-formed & >" + xml.substring(middle)).getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private void awaitClosing() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        forward.close();
    }
}
