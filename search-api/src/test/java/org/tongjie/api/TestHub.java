package org.tongjie.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.tongjie.api.ill.IllHttp;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.indexer.Catalog;

/** The hub on a random port over a temporary data directory, and an HTTP client for it. */
final class TestHub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    final Catalog catalog;
    final Javalin app;
    final IllHttp ill;

    record Answer(int status, JsonNode json, String contentType) {}

    /** The key the staff of this test's hub use. */
    final StaffKey staffKey = StaffKey.random();

    TestHub(Path dataDir) {
        catalog = Catalog.open(dataDir, Clock.systemUTC());
        ill = IllHttp.open(dataDir, catalog, Clock.systemUTC());
        app = Hub.create(catalog, staffKey, Optional.of(ill)).start(0);
    }

    TestHub withLibrary(String id, LibraryKind kind) {
        catalog.saveLibrary(new Library(id, id + "图书馆", id + " library", kind, Optional.empty(), "", Optional.empty()));
        return this;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    byte[] getBytes(String path) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    Answer search(String q) throws IOException, InterruptedException {
        return get("/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    Answer post(String path, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A JSON body, with {@code Authorization: Bearer key} unless the key is empty. */
    Answer postJson(String path, String json, String key) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!key.isEmpty()) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    Answer postFile(String path, Path file) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofFile(file)).build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode json = body.isEmpty() || body.charAt(0) == '<' ? JSON.nullNode() : JSON.readTree(body);
        return new Answer(response.statusCode(), json, response.headers().firstValue("content-type").orElse(""));
    }

    @Override
    public void close() throws IOException {
        app.stop();
        ill.close();
        catalog.close();
    }
}
