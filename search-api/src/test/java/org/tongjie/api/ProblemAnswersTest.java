package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.ill.Reader;

/**
 * Every route in the OpenAPI document, sent bad requests made from what the document says of it (no
 * credentials, credentials nobody issued, credentials of the wrong kind, a body that is not JSON, a body
 * missing its required fields, parameters of the wrong type or outside their enum, a wrong method): each
 * answer is a 4xx {@code application/problem+json} with a code and a detail, and its status is one the
 * document declares for the route. SRU and OAI-PMH answer their protocols' own errors and are walked for
 * the wrong method only.
 */
class ProblemAnswersTest {
    private static final Set<String> PROTOCOLS = Set.of("/sru", "/oai");
    /** What a detail must never show: Java class names, packages, Jackson's internals. */
    private static final Pattern INTERNALS = Pattern.compile("\\b[A-Z]\\w+\\$\\w+|org\\.tongjie|com\\.fasterxml|java\\.|Source: REDACTED");
    private static final Pattern INTEGER_PATH = Pattern.compile("\\{(entry)}|/api/ill/requests/\\{id}");

    @TempDir
    Path dataDir;
    TestHub hub;
    JsonNode doc;
    String recordId;
    String adminKey;
    String reader;

    /** A request that must be refused, and the status it must be refused with (0: any the route declares). */
    record Bad(String why, String method, String path, Map<String, String> headers, Optional<String> body, int expected) {}

    @BeforeEach
    void start() throws Exception {
        hub = new TestHub(dataDir).withLibrary("kunshan", LibraryKind.CENTRAL);
        assertEquals(200, hub.post("/api/libraries/kunshan/records", UploadAndSearchTest.resource(UploadAndSearchTest.CNMARC)).status());
        recordId = hub.search("").json().at("/hits/0/id").asText();
        adminKey = hub.ill.store().accounts().issueAdminKey("walk");
        hub.ill.store().accounts().registerReader(new Reader("K-0001", "kunshan"), "1234");
        reader = "Basic " + Base64.getEncoder().encodeToString("K-0001:1234".getBytes(StandardCharsets.UTF_8));
        doc = hub.get("/openapi.json").json();
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void everyDocumentedRouteAnswersBadRequestsWithProblems() throws Exception {
        var wrong = new ArrayList<String>();
        int walked = 0;
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                List<Bad> bads = badRequests(method, path.getKey(), op.getValue());
                assertFalse(bads.isEmpty(), method + " " + path.getKey() + " got no bad request");
                for (Bad bad : bads) {
                    walked++;
                    check(bad, op.getValue().get("responses")).ifPresent(wrong::add);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(walked > 100, "walked " + walked + " bad requests");
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() throws Exception {
        var answer = hub.get("/api/nothing-here");

        assertProblem(404, "not-found", answer);
        assertTrue(answer.json().get("detail").asText().contains("GET /api/nothing-here"), answer.json().toString());
        assertEquals("/api/nothing-here", answer.json().get("instance").asText());
        assertEquals("tag:tongjie,2026:problem:not-found", answer.json().get("type").asText());
    }

    @Test
    void aWrongMethodIsAMethodNotAllowedProblem() throws Exception {
        var answer = hub.send(HttpRequest.newBuilder(hub.uri("/api/search")).DELETE().build());

        assertProblem(405, "method-not-allowed", answer);
    }

    @Test
    void aBodyOverTheLimitIsAPayloadTooLargeProblem() throws Exception {
        String huge = "{\"recordId\":\"" + "x".repeat((int) HubSettings.DEFAULTS.maxRequestBytes()) + "\"}";
        var answer = hub.send(HttpRequest.newBuilder(hub.uri("/api/ill/requests")).header("X-Api-Key", adminKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(huge)).build());

        assertProblem(413, "payload-too-large", answer);
    }

    @Test
    void aMalformedBodySaysWhere() throws Exception {
        var answer = hub.postJson("/api/records/" + recordId + "/cluster/merge", "{\"with\": \"x\", \"reason\": ", hub.staffKey.value());

        assertProblem(400, "malformed-body", answer);
        assertTrue(answer.json().get("detail").asText().contains("line 1"), answer.json().toString());
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        var answer = hub.send(HttpRequest.newBuilder(hub.uri("/api/ill/requests")).header("Authorization", reader)
                .POST(HttpRequest.BodyPublishers.ofString("{\"recordId\": \"" + recordId + "\"}")).build());

        assertProblem(400, "invalid-parameter", answer);
        assertTrue(answer.json().get("detail").asText().startsWith("pickup: is required"), answer.json().toString());
    }

    /** Jackson's refusals in plain words: the field, the fields taken, the values allowed; never a class name. */
    @Test
    void badFieldsAreNamedInPlainWords() throws Exception {
        String unknown = illRequest("{\"recordId\": \"" + recordId + "\", \"pickup\": {\"libraryId\": \"kunshan\", \"type\": \"x\"}}");
        String badEnum = illRequest("{\"recordId\": \"" + recordId + "\", \"pickup\": {\"libraryId\": \"kunshan\", \"kind\": \"NOPE\"}}");
        String wrongType = illRequest("{\"recordId\": [1, 2]}");
        String notJson = illRequest("{\"recordId\": \n  nope}");
        String array = hub.postJson("/api/records/" + recordId + "/cluster/split", "[]", hub.staffKey.value()).json().get("detail").asText();
        String url = hub.send(HttpRequest.newBuilder(hub.uri("/api/ill/libraries/kunshan/webhooks")).header("X-Api-Key", adminKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"not a url\"}")).build()).json().get("detail").asText();

        assertEquals("field 'pickup.type' is not one this endpoint takes; it takes homeAddress, kind, libraryId", unknown);
        assertTrue(badEnum.startsWith("field 'pickup.kind' must be one of "), badEnum);
        assertTrue(badEnum.endsWith(", was 'NOPE'"), badEnum);
        assertEquals("field 'recordId' must be a string", wrongType);
        assertTrue(notJson.startsWith("the body is not valid JSON at line 2, column "), notJson);
        assertEquals("the body must be a JSON object", array);
        assertEquals("url: 'not a url' is not a URL; give the http(s) URL the hub posts events to, e.g. https://library.example/tongjie-events", url);
        for (String detail : List.of(unknown, badEnum, wrongType, notJson, array, url)) {
            assertFalse(INTERNALS.matcher(detail).find(), detail);
        }
    }

    private String illRequest(String json) throws Exception {
        var answer = hub.send(HttpRequest.newBuilder(hub.uri("/api/ill/requests")).header("Authorization", reader)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertProblem(400, "malformed-body", answer);
        return answer.json().get("detail").asText();
    }

    /** Jetty's own refusals, before the routes, are problems too, not its HTML page. */
    @Test
    void aPathJettyRefusesIsAProblem() throws Exception {
        var answer = hub.get("/api/records/%00");

        assertEquals(400, answer.status(), answer.json().toString());
        assertEquals("application/problem+json", answer.contentType());
        assertFalse(answer.json().get("detail").asText().isBlank());
        var tooLong = hub.get("/api/search?q=" + "x".repeat(100_000));
        assertEquals(414, tooLong.status());
        assertEquals(414, tooLong.json().get("status").asInt(), "the body says the status the answer has");
    }

    @Test
    void aWrongMethodSaysWhichAreAllowed() throws Exception {
        var answer = hub.send(HttpRequest.newBuilder(hub.uri("/api/search")).DELETE().build());

        assertEquals(List.of("GET"), answer.headers().allValues("Allow"));
    }

    /** A member who sends its id and key as HTTP Basic is told the route takes the key, not that a PIN is wrong. */
    @Test
    void basicCredentialsOnAnUploadSayTheRouteTakesTheKey() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("kunshan:" + TestHub.key("kunshan")).getBytes(StandardCharsets.UTF_8));
        var answer = hub.send(HttpRequest.newBuilder(hub.uri("/api/libraries/kunshan/records")).header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());

        assertProblem(401, "unauthenticated", answer);
        String detail = answer.json().get("detail").asText();
        assertTrue(detail.contains("'Authorization: Bearer KEY'") && detail.contains("not take"), detail);
        assertFalse(detail.contains("PIN is wrong"), detail);
    }

    /** Schemes and header names in any case: "bearer", "BASIC", "x-api-key". */
    @Test
    void schemesAreCaseInsensitive() throws Exception {
        String split = "/api/records/" + recordId + "/cluster/split";
        var bearer = hub.send(HttpRequest.newBuilder(hub.uri(split)).header("Authorization", "bEaReR " + hub.staffKey.value())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        var basic = hub.send(HttpRequest.newBuilder(hub.uri("/api/ill/me")).header("Authorization", reader.replace("Basic", "BASIC"))
                .GET().build());
        var header = hub.send(HttpRequest.newBuilder(hub.uri("/api/ill/outbox")).header("x-api-key", adminKey).GET().build());

        assertEquals(400, bearer.status(), "past authentication, refused for its empty body: " + bearer.json());
        assertEquals(200, basic.status(), basic.json().toString());
        assertEquals(200, header.status(), header.json().toString());
    }

    /** The protocols keep their own error formats: a bad SRU request is a diagnostic in XML, not a problem. */
    @Test
    void sruAnswersItsOwnDiagnostics() throws Exception {
        var answer = hub.send(HttpRequest.newBuilder(hub.uri("/sru?operation=searchRetrieve&version=1.2")).GET().build());

        assertEquals(200, answer.status());
        assertTrue(answer.contentType().contains("xml"), answer.contentType());
    }

    private List<Bad> badRequests(String method, String template, JsonNode op) {
        var out = new ArrayList<Bad>();
        out.add(new Bad("wrong method", wrongMethod(method), fill(template), Map.of(), Optional.empty(), 405));
        if (PROTOCOLS.contains(template)) {
            return out;
        }
        Map<String, String> good = goodCredentials(op);
        if (op.has("security")) {
            out.add(new Bad("no credentials", method, fill(template), Map.of(), jsonBody(op, "{}"), 401));
            out.add(new Bad("a key nobody issued", method, fill(template), Map.of("Authorization", "Bearer not-a-key-anyone-issued"),
                    jsonBody(op, "{}"), 401));
            out.add(new Bad("the wrong kind of credential", method, fill(template), wrongCredentials(op), jsonBody(op, "{}"), 403));
        }
        if (requestContent(op).has("application/json")) {
            out.add(new Bad("malformed JSON", method, fill(template), good, Optional.of("{\"not json"), 400));
            out.add(new Bad("an array, not an object", method, fill(template), good, Optional.of("[1]"), 400));
            if (requestSchema(op).has("required")) {
                out.add(new Bad("required fields missing", method, fill(template), good, Optional.of("{}"), 400));
                out.add(new Bad("a field it does not take", method, fill(template), good, Optional.of("{\"noSuchField\": 1}"), 400));
            }
        }
        if (template.equals("/api/libraries/{id}/records")) {
            out.add(new Bad("not MARC", method, fill(template), good, Optional.of("%PDF-1.7"), 415));
        }
        if (INTEGER_PATH.matcher(template).find()) {
            String bad = INTEGER_PATH.matcher(template).replaceAll(m -> m.group().startsWith("{") ? "not-a-number"
                    : "/api/ill/requests/not-a-number");
            out.add(new Bad("path parameter not a number", method, fill(bad), good, jsonBody(op, "{}"), 400));
        }
        if (!op.has("security") && template.startsWith("/api/") && template.contains("{id}")) {
            out.add(new Bad("no such resource", method, template.replace("{id}", "no-such-thing").replace("{entry}", "1"),
                    Map.of(), Optional.empty(), 404));
        }
        for (JsonNode p : parameters(op)) {
            if (!p.get("in").asText().equals("query")) {
                continue;
            }
            String name = p.get("name").asText();
            JsonNode schema = p.path("schema");
            if (schema.has("enum") || schema.path("type").asText().equals("boolean")) {
                out.add(new Bad(name + " outside its values", method, fill(template) + "?" + name + "=no-such-value" + required(op, name),
                        good, jsonBody(op, "{}"), 400));
            } else if (schema.path("type").asText().equals("integer")) {
                out.add(new Bad(name + " not a number", method, fill(template) + "?" + name + "=not-a-number" + required(op, name),
                        good, jsonBody(op, "{}"), 400));
            }
            if (p.path("required").asBoolean()) {
                out.add(new Bad(name + " missing", method, fill(template), good, jsonBody(op, "{}"), 400));
            }
        }
        return out;
    }

    /** The other required query parameters, with their first allowed value, so that only {@code except} is wrong. */
    private String required(JsonNode op, String except) {
        var sb = new StringBuilder();
        for (JsonNode p : parameters(op)) {
            if (p.path("required").asBoolean() && p.get("in").asText().equals("query") && !p.get("name").asText().equals(except)) {
                sb.append('&').append(p.get("name").asText()).append('=').append(p.at("/schema/enum/0").asText());
            }
        }
        return sb.toString();
    }

    private Optional<String> check(Bad bad, JsonNode declared) throws Exception {
        var request = HttpRequest.newBuilder(hub.uri(bad.path())).method(bad.method(), bad.body()
                .map(HttpRequest.BodyPublishers::ofString).orElse(HttpRequest.BodyPublishers.noBody()));
        bad.headers().forEach(request::header);
        bad.body().ifPresent(b -> request.header("Content-Type", "application/json"));
        var answer = hub.send(request.build());
        String what = bad.method() + " " + bad.path() + " (" + bad.why() + ") answered " + answer.status() + " "
                + answer.contentType() + " " + answer.json();
        JsonNode json = answer.json();
        boolean problem = answer.contentType().equals("application/problem+json") && json.path("status").asInt() == answer.status()
                && !json.path("code").asText().isBlank() && !json.path("detail").asText().isBlank();
        boolean expected = bad.expected() == 0 ? answer.status() >= 400 && answer.status() < 500 : answer.status() == bad.expected();
        boolean documented = answer.status() == 405 || declared.has(Integer.toString(answer.status()));
        boolean challenged = answer.status() != 401 || answer.headers().firstValue("WWW-Authenticate").isPresent();
        boolean plain = !INTERNALS.matcher(json.path("detail").asText()).find();
        boolean allowed = answer.status() != 405 || answer.headers().firstValue("Allow").isPresent();
        return problem && expected && documented && challenged && plain && allowed ? Optional.empty()
                : Optional.of(what + (documented ? "" : " (status not in the document)") + (challenged ? "" : " (no WWW-Authenticate)")
                        + (plain ? "" : " (internals in the detail)") + (allowed ? "" : " (no Allow header)"));
    }

    private static String wrongMethod(String method) {
        return method.equals("DELETE") ? "PATCH" : "DELETE";
    }

    /** The template with values that exist: the member kunshan, a record of it, request 1, the queue to-fill, a barcode. */
    private String fill(String template) {
        String id = template.startsWith("/api/records/") ? recordId : template.startsWith("/api/ill/requests/") ? "1" : "kunshan";
        return template.replace("{id}", id).replace("{library}", "kunshan").replace("{queue}", "to-fill").replace("{entry}", "1")
                .replace("{barcode}", "KS0001").replace("{card}", "K-0001");
    }

    /** The credentials the route's first security requirement names. */
    private Map<String, String> goodCredentials(JsonNode op) {
        if (!op.has("security")) {
            return Map.of();
        }
        Set<String> schemes = schemes(op);
        if (schemes.contains("memberKey")) {
            return Map.of("Authorization", "Bearer " + TestHub.key("kunshan"));
        }
        if (schemes.contains("staffKey")) {
            return Map.of("Authorization", "Bearer " + hub.staffKey.value());
        }
        if (schemes.contains("apiKey")) {
            return Map.of("X-Api-Key", adminKey);
        }
        return Map.of("Authorization", reader);
    }

    /** Credentials the hub knows, of a kind the route does not take. */
    private Map<String, String> wrongCredentials(JsonNode op) {
        Set<String> schemes = schemes(op);
        if (schemes.contains("memberKey") && schemes.contains("staffKey")) {
            return Map.of("Authorization", reader);
        }
        if (schemes.contains("memberKey")) {
            return Map.of("Authorization", "Bearer " + hub.staffKey.value());
        }
        if (schemes.contains("staffKey") || schemes.contains("readerPin") && schemes.contains("apiKey")) {
            return Map.of("X-Api-Key", TestHub.key("kunshan"));
        }
        return schemes.contains("readerPin") ? Map.of("X-Api-Key", adminKey) : Map.of("Authorization", reader);
    }

    private static Set<String> schemes(JsonNode op) {
        var out = new java.util.TreeSet<String>();
        op.path("security").forEach(requirement -> requirement.properties().forEach(e -> out.add(e.getKey())));
        return out;
    }

    private static JsonNode requestContent(JsonNode op) {
        return op.path("requestBody").path("content");
    }

    private JsonNode requestSchema(JsonNode op) {
        JsonNode schema = requestContent(op).path("application/json").path("schema");
        return schema.has("$ref") ? doc.at(schema.get("$ref").asText().substring(1)) : schema;
    }

    /** A JSON body for routes that take one, so that only the flaw under test is wrong. */
    private static Optional<String> jsonBody(JsonNode op, String body) {
        return requestContent(op).has("application/json") ? Optional.of(body) : Optional.empty();
    }

    private List<JsonNode> parameters(JsonNode op) {
        var out = new ArrayList<JsonNode>();
        op.path("parameters").forEach(p -> out.add(p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p));
        return out;
    }

    private static void assertProblem(int status, String code, TestHub.Answer answer) {
        assertEquals(status, answer.status(), answer.json().toString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(code, answer.json().get("code").asText(), answer.json().toString());
        assertEquals(status, answer.json().get("status").asInt());
        assertFalse(answer.json().get("detail").asText().isBlank());
        assertFalse(answer.json().get("title").asText().isBlank());
    }
}
