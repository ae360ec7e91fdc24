package org.tongjie.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongjie.api.ill.IllHttp;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.HarvestScheduler;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.indexer.Catalog;

/** The hub on a random port over a temporary data directory, and an HTTP client for it. */
final class TestHub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    final Catalog catalog;
    final MemberDirectory members = new MemberDirectory();
    final Javalin app;
    final IllHttp ill;
    private final HarvestScheduler scheduler;

    record Answer(int status, JsonNode json, String contentType, HttpHeaders headers) {}

    /** The key the staff of this test's hub use. */
    final StaffKey staffKey = StaffKey.random();

    TestHub(Path dataDir) {
        this(dataDir, Optional.empty());
    }

    /** The hub whose harvests this harvester runs (no schedule followed). */
    TestHub(Path dataDir, HarvestScheduler.Harvester harvester) {
        this(dataDir, Optional.of(harvester));
    }

    private TestHub(Path dataDir, Optional<HarvestScheduler.Harvester> harvester) {
        catalog = Catalog.open(dataDir, Clock.systemUTC());
        ill = IllHttp.open(dataDir, catalog, Clock.systemUTC());
        var log = HarvestLog.open(dataDir, Clock.systemUTC());
        scheduler = new HarvestScheduler(log, members, Clock.systemUTC(),
                harvester.orElse(HarvestScheduler.standard(catalog, log, Clock.systemUTC())), Duration.ofHours(1));
        app = Hub.create(catalog, staffKey, members, scheduler, Optional.of(ill)).start(0);
    }

    /** A member that uploads with the API key {@link #key}(id); its records are known by their 001. */
    TestHub withLibrary(String id, LibraryKind kind) {
        return withLibrary(id, kind, RecordIdentity.CONTROL_NUMBER);
    }

    /** A member that uploads with the API key {@link #key}(id), its records known by this field. */
    TestHub withLibrary(String id, LibraryKind kind, RecordIdentity identity) {
        var library = new Library(id, id + "图书馆", id + " library", kind, Optional.empty(), "", Optional.empty())
                .withRecordIdentity(identity);
        catalog.libraries().save(library);
        members.register(new Member(library, new MemberSource.Upload(), Optional.empty(), Optional.of(Member.hashKey(key(id)))));
        return this;
    }

    static String key(String libraryId) {
        return "test-key-" + libraryId;
    }

    private static final Pattern MEMBER_PATH = Pattern.compile("/api/libraries/([^/?]+)/.*");

    URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A GET with {@code Authorization: Bearer key}: a member's own resources. */
    Answer get(String path, String key) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build());
    }

    byte[] getBytes(String path, String key) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    Answer search(String q) throws IOException, InterruptedException {
        return get("/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    /** POSTs as the member the path names, with its key. */
    Answer post(String path, byte[] body) throws IOException, InterruptedException {
        return post(path, HttpRequest.BodyPublishers.ofByteArray(body), memberKey(path));
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
        return post(path, HttpRequest.BodyPublishers.ofFile(file), memberKey(path));
    }

    /**
     * POSTs with this key in 'Authorization: Bearer', or none. With 'Expect: 100-continue', as curl sends
     * large files: a refused upload is answered before its body is sent, instead of the hub closing the
     * connection on a body it will not read.
     */
    Answer post(String path, HttpRequest.BodyPublisher body, Optional<String> key) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).expectContinue(true).POST(body);
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        return send(request.build());
    }

    private static Optional<String> memberKey(String path) {
        Matcher m = MEMBER_PATH.matcher(path);
        return m.matches() ? Optional.of(key(m.group(1))) : Optional.empty();
    }

    Answer send(HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        String type = response.headers().firstValue("content-type").orElse("");
        JsonNode json = body.isEmpty() || body.charAt(0) == '<' ? JSON.nullNode()
                : type.contains("json") ? JSON.readTree(body) : JSON.getNodeFactory().textNode(body);
        return new Answer(response.statusCode(), json, response.headers().firstValue("content-type").orElse(""), response.headers());
    }

    @Override
    public void close() throws IOException {
        app.stop();
        scheduler.close();
        ill.close();
        catalog.close();
    }
}
