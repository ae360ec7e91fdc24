package org.tongjie.api.ill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.tongjie.api.Hub;
import org.tongjie.api.StaffKey;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.HarvestScheduler;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.ill.WebhookTargets;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.Iso2709;
import org.tongjie.testing.SharedData;

/** A hub with ILL on a random port over a temporary data directory, and a client that signs in. */
final class IllTestHub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** For tests whose webhook receiver listens on 127.0.0.1: the administrator's opt-in to private targets. */
    static final WebhookTargets LOCAL_RECEIVERS = new WebhookTargets(true);
    private final HttpClient http = HttpClient.newHttpClient();
    final Catalog catalog;
    final IllHttp ill;
    final Javalin app;
    final String adminKey;
    private final MemberDirectory members = new MemberDirectory();
    private final HarvestScheduler harvests;

    record Answer(int status, JsonNode json) {
        JsonNode get(String field) {
            return json.get(field);
        }

        JsonNode at(String pointer) {
            return json.at(pointer);
        }
    }

    /** Who calls: nobody, a reader (card + PIN) or an API key. */
    record As(String header, String value) {
        static final As NOBODY = new As(null, null);

        static As reader(String card, String pin) {
            return new As("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((card + ":" + pin).getBytes(StandardCharsets.UTF_8)));
        }

        static As key(String key) {
            return new As("X-Api-Key", key);
        }

        /** The member library itself, with the API key it uploads records with. */
        static As member(String libraryId) {
            return key(uploadKey(libraryId));
        }
    }

    IllTestHub(Path dataDir, Clock clock) {
        this(dataDir, clock, WebhookTargets.PUBLIC_ONLY);
    }

    /** With where webhooks may point: a test whose receiver listens on 127.0.0.1 opts in to private targets. */
    IllTestHub(Path dataDir, Clock clock, WebhookTargets webhookTargets) {
        catalog = Catalog.open(dataDir, clock);
        ill = IllHttp.open(dataDir, catalog, clock, IllHttp.HUB_AGENCY, IllHttp.DEFAULT_DELIVERY_TIMEOUT, webhookTargets);
        var log = HarvestLog.open(dataDir, clock);
        harvests = new HarvestScheduler(log, members, clock, HarvestScheduler.standard(catalog, log, clock), Duration.ofHours(1));
        app = Hub.create(catalog, StaffKey.random(), members, harvests, Optional.of(ill)).start(0);
        adminKey = ill.store().accounts().issueAdminKey("test");
    }

    IllTestHub library(String id, LibraryKind kind, String parent, double lat, double lon) {
        var library = new Library(id, id + "图书馆", id + " library", kind, Optional.ofNullable(parent), "",
                Optional.of(new Coordinates(lat, lon)));
        catalog.libraries().save(library);
        members.register(new Member(library, new MemberSource.Upload(), Optional.empty(),
                Optional.of(Member.hashKey(uploadKey(id)))));
        return this;
    }

    private static String uploadKey(String libraryId) {
        return "upload-key-" + libraryId;
    }

    Answer get(String path, As as) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), as);
    }

    Answer post(String path, As as, Object body) throws IOException, InterruptedException {
        byte[] bytes = body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), as);
    }

    /** An ISO 18626 message posted as an external agency does: the confirmation it gets back. */
    org.tongjie.ill.iso18626.Iso18626.Confirmation iso18626(String xml) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(uri("/api/ill/iso18626")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("the ISO 18626 endpoint answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return FakeAgency.READER.readConfirmation(response.body());
    }

    Answer put(String path, As as, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))), as);
    }

    /** A staff key for a member, issued through the API by the administrator. */
    String staffKey(String libraryId) throws IOException, InterruptedException {
        var a = post("/api/ill/api-keys", As.key(adminKey), java.util.Map.of("libraryId", libraryId, "label", "desk"));
        if (a.status() != 201) {
            throw new AssertionError("issuing a key answered " + a);
        }
        return a.get("key").asText();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    private Answer send(HttpRequest.Builder b, As as) throws IOException, InterruptedException {
        if (as.header() != null) {
            b.header(as.header(), as.value());
        }
        var response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean json = type.startsWith("application/json") || type.startsWith("application/problem+json");
        return new Answer(response.statusCode(), body.isEmpty() ? JSON.nullNode()
                : json ? JSON.readTree(body) : JSON.getNodeFactory().textNode(body));
    }

    /**
     * A real Koha record (from ../shared/data) that has an ISBN and whose 952 items are all lendable and
     * available: no lost, not-for-loan or on-loan flag, loan type BK.
     */
    static byte[] lendableKohaRecord() throws IOException {
        byte[] file = Files.readAllBytes(SharedData.file("koha-misc4dev/koha-sample-marc21-with-952-items.mrc"));
        for (byte[] raw : Iso2709.splitRecords(file)) {
            Record r = new MarcStreamReader(new ByteArrayInputStream(raw), "UTF-8").next();
            List<DataField> items = r.getDataFields().stream().filter(f -> f.getTag().equals("952")).toList();
            boolean hasIsbn = r.getDataFields().stream().anyMatch(f -> f.getTag().equals("020") && f.getSubfield('a') != null);
            boolean allLendable = !items.isEmpty() && items.stream().allMatch(f ->
                    flagClear(f, '7') && flagClear(f, '1') && flagClear(f, 'q') && f.getSubfield('p') != null
                            && f.getSubfield('y') != null && f.getSubfield('y').getData().equals("BK"));
            if (hasIsbn && allLendable && r.getDataFields().stream().anyMatch(f -> f.getTag().equals("245"))) {
                return raw;
            }
        }
        throw new AssertionError("no lendable record with an ISBN in the Koha sample");
    }

    private static boolean flagClear(DataField f, char code) {
        return f.getSubfield(code) == null || f.getSubfield(code).getData().isBlank() || f.getSubfield(code).getData().equals("0");
    }

    @Override
    public void close() throws IOException {
        app.stop();
        harvests.close();
        ill.close();
        catalog.close();
    }
}
