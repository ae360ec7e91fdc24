package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.LiveTarget;

/** The document at /openapi.json describes exactly the routes the hub serves. */
class OpenApiTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir)) {
            var answer = hub.get("/openapi.json");
            assertEquals(200, answer.status());
            assertEquals("3.1.0", answer.json().get("openapi").asText());

            Set<String> served = new TreeSet<>();
            for (var parsed : hub.app.unsafe.internalRouter.allHttpHandlers()) {
                if (!parsed.endpoint.method.isHttpMethod()) {
                    continue; // a before/after filter (the security headers) is not a route
                }
                served.add(parsed.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + parsed.endpoint.path);
            }
            assertEquals(documented(answer.json()), served);
        }
    }

    @Test
    void everySchemaReferenceResolves(@TempDir Path dataDir) throws IOException, InterruptedException {
        try (var hub = new TestHub(dataDir)) {
            JsonNode doc = hub.get("/openapi.json").json();
            var refs = new ArrayList<String>();
            collectRefs(doc, refs);
            for (String ref : refs) {
                JsonNode target = doc.at(ref.substring(1));
                assertEquals(false, target.isMissingNode(), "unresolved " + ref);
            }
        }
    }

    /** Every 4xx and 5xx of the JSON API is documented as a Problem; SRU and OAI-PMH answer errors in their own XML. */
    @Test
    void everyErrorResponseIsAProblem(@TempDir Path dataDir) throws IOException, InterruptedException {
        try (var hub = new TestHub(dataDir)) {
            JsonNode doc = hub.get("/openapi.json").json();
            var notProblems = new ArrayList<String>();
            doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                    op.getValue().get("responses").properties().forEach(r -> {
                        JsonNode response = r.getValue().has("$ref") ? doc.at(r.getValue().get("$ref").asText().substring(1)) : r.getValue();
                        boolean error = r.getKey().startsWith("4") || r.getKey().startsWith("5");
                        String schema = response.at("/content/application~1problem+json/schema/$ref").asText();
                        if (error && !schema.equals("#/components/schemas/Problem")) {
                            notProblems.add(op.getKey() + " " + path.getKey() + " " + r.getKey());
                        }
                    })));
            assertEquals(java.util.List.of(), notProblems);
            assertEquals(java.util.List.of("type", "title", "status", "detail", "code"),
                    java.util.stream.StreamSupport.stream(doc.at("/components/schemas/Problem/required").spliterator(), false)
                            .map(JsonNode::asText).toList());
        }
    }

    /** Every property the API sends is declared in its schema, so the document cannot fall behind the records. */
    @Test
    void recordsAndHitsSendOnlyDeclaredProperties(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir).withLibrary("kunshan", LibraryKind.CENTRAL)) {
            hub.post("/api/libraries/kunshan/records", UploadAndSearchTest.resource(UploadAndSearchTest.CNMARC));
            JsonNode doc = hub.get("/openapi.json").json();
            JsonNode page = hub.search("三体").json();
            JsonNode hit = page.get("hits").get(0);
            JsonNode record = hub.get("/api/records/" + hit.get("id").asText()).json();

            assertDeclared(doc, "SearchPage", page);
            assertDeclared(doc, "SearchHit", hit);
            assertDeclared(doc, "UnionRecord", record);
            assertDeclared(doc, "BibRecord", record.get("description"));
            assertDeclared(doc, "UnionMember", record.get("members").get(0));
            assertDeclared(doc, "ClusterView", hub.get("/api/records/" + hit.get("id").asText() + "/cluster").json());
        }
    }

    /** The live part of a search and a live member's directory entry are declared too (a closed port: no yaz needed). */
    @Test
    void livePagesAndLiveMembersSendOnlyDeclaredProperties(@TempDir Path dataDir) throws Exception {
        try (var hub = new TestHub(dataDir)) {
            hub.catalog.libraries().save(LiveFederatedSearchTest.live("closed",
                    LiveTarget.of("127.0.0.1", LiveFederatedSearchTest.freePort(), "Default")));
            JsonNode doc = hub.get("/openapi.json").json();
            JsonNode page = hub.get("/api/search?q=computer&live=true").json();
            JsonNode library = hub.get("/api/libraries/closed").json();

            assertDeclared(doc, "SearchPage", page);
            assertDeclared(doc, "LiveStatus", page.get("live").get(0));
            assertDeclared(doc, "Library", library);
            assertDeclared(doc, "Library/properties/liveTarget", library.get("liveTarget"));
            assertEquals(true, library.at("/liveTarget/timeout").isNumber(), library.toString());
            assertEquals("001", library.get("recordIdentity").asText(), "a member without a setting is known by 001");
        }
    }

    static void assertDeclared(JsonNode doc, String schema, JsonNode value) {
        JsonNode properties = doc.at("/components/schemas/" + schema + "/properties");
        value.properties().forEach(e -> assertEquals(false, properties.path(e.getKey()).isMissingNode(),
                schema + " sends '" + e.getKey() + "' which the OpenAPI document does not declare"));
        doc.at("/components/schemas/" + schema + "/required").forEach(required ->
                assertEquals(true, value.has(required.asText()), schema + " lacks required '" + required.asText() + "'"));
    }

    private static Set<String> documented(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        doc.get("paths").properties().forEach(path ->
                path.getValue().properties().forEach(op -> out.add(op.getKey() + " " + path.getKey())));
        return out;
    }

    private static void collectRefs(JsonNode node, java.util.List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
