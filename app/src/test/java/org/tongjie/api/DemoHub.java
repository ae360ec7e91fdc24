package org.tongjie.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.app.demo.DemoNetwork;
import org.tongjie.ill.Reader;

/**
 * The hub with the demo network that {@code ./tongjie run} starts with (its members, with keys demo-key-ID,
 * their records and items), a reader with a PIN and an ILL administrator: what the page tests work on.
 */
final class DemoHub {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CARD = "320583000123456";
    static final String PIN = "2468";
    static final String READER_LIBRARY = "branch-lujia";

    final TestHub hub;
    final String adminKey;

    DemoHub(Path dataDir) {
        hub = new TestHub(dataDir);
        DemoNetwork.directory().members().forEach(hub.members::register);
        DemoNetwork.load(hub.catalog);
        hub.ill.store().accounts().registerReader(new Reader(CARD, READER_LIBRARY), PIN);
        adminKey = hub.ill.store().accounts().issueAdminKey("page tests");
    }

    String staffKey(String libraryId) {
        return hub.ill.store().accounts().issueStaffKey(libraryId, "desk");
    }

    static String readerAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((CARD + ":" + PIN).getBytes(StandardCharsets.UTF_8));
    }

    /** The first hit's union record id for {@code q}. */
    String recordId(String q) throws IOException, InterruptedException {
        return hub.search(q).json().at("/hits/0/id").asText();
    }

    /** Union records with an available copy at {@code libraryId}, as (record id, barcode) pairs. */
    List<String[]> availableCopiesAt(String libraryId, int wanted) {
        return hub.catalog.search().page("", 1, 100).hits().stream()
                .flatMap(hit -> hit.holdings().stream().filter(h -> h.libraryId().equals(libraryId)
                                && h.status() == HoldingStatus.AVAILABLE && h.barcode().isPresent()
                                && h.loanType().map("BK"::equals).orElse(true))
                        .limit(1).map(h -> new String[] {hit.id(), barcode(h)}))
                .limit(wanted).toList();
    }

    private static String barcode(Holding h) {
        return h.barcode().orElseThrow();
    }

    /** An ILL call with this Authorization or X-Api-Key header; fails unless it answers 2xx. */
    JsonNode ill(String method, String path, String header, String value, Object body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(hub.uri(path)).header(header, value).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        var answer = hub.send(request.build());
        if (answer.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + answer.status() + " " + answer.json());
        }
        return answer.json();
    }

    JsonNode asAdmin(String method, String path, Object body) throws IOException, InterruptedException {
        return ill(method, path, "X-Api-Key", adminKey, body);
    }

    JsonNode asReader(String method, String path, Object body) throws IOException, InterruptedException {
        return ill(method, path, "Authorization", readerAuthorization(), body);
    }
}
