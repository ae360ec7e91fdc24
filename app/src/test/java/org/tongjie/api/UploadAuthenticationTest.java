package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.app.demo.DemoNetwork;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;

/** Only the member itself can send its records: its API key, hashed in the directory file, is checked. */
class UploadAuthenticationTest {
    static HttpRequest.BodyPublisher cnmarc() throws Exception {
        return HttpRequest.BodyPublishers.ofByteArray(UploadAndSearchTest.resource(UploadAndSearchTest.CNMARC));
    }

    @Test
    void withoutAKeyTheAnswerIs401AndNothingIsStored(@TempDir Path dir) throws Exception {
        try (var hub = new TestHub(dir).withLibrary("kunshan", LibraryKind.CENTRAL)) {
            var answer = hub.post("/api/libraries/kunshan/records", cnmarc(), Optional.empty());

            assertEquals(401, answer.status());
            assertEquals(401, answer.json().get("status").asInt());
            assertEquals("unauthenticated", answer.json().get("code").asText());
            assertEquals("Bearer realm=\"tongjie\"", answer.headers().firstValue("WWW-Authenticate").orElse(""));
            assertTrue(answer.json().get("detail").asText().contains("API key"), answer.json().toString());
            assertEquals(0, hub.catalog.search().page("", 1, 1).total());
        }
    }

    @Test
    void anotherMembersKeyIs403AndAKeyNobodyHasIs401(@TempDir Path dir) throws Exception {
        try (var hub = new TestHub(dir).withLibrary("kunshan", LibraryKind.CENTRAL).withLibrary("lujia", LibraryKind.BRANCH)) {
            var lujiasKey = hub.post("/api/libraries/kunshan/records", cnmarc(), Optional.of(TestHub.key("lujia")));
            var wrong = hub.post("/api/libraries/kunshan/records", cnmarc(), Optional.of("guess"));

            assertEquals(403, lujiasKey.status());
            assertEquals("forbidden", lujiasKey.json().get("code").asText());
            assertTrue(lujiasKey.json().get("detail").asText().contains("the API key of member 'kunshan'"),
                    lujiasKey.json().toString());
            assertTrue(lujiasKey.json().get("detail").asText().endsWith("member library 'lujia' (its upload key)"),
                    lujiasKey.json().toString());
            assertEquals(401, wrong.status());
            assertEquals("unauthenticated", wrong.json().get("code").asText());
            assertEquals(0, hub.catalog.search().page("", 1, 1).total());
        }
    }

    @Test
    void aMemberOutsideTheDirectoryFileCannotUpload(@TempDir Path dir) throws Exception {
        try (var hub = new TestHub(dir).withLibrary("kunshan", LibraryKind.CENTRAL)) {
            hub.catalog.libraries().save(new Library("old", "旧馆", "Old", LibraryKind.BRANCH, Optional.empty(), "", Optional.empty()));

            var answer = hub.post("/api/libraries/old/records", cnmarc(), Optional.of(TestHub.key("kunshan")));

            assertEquals(403, answer.status());
            assertTrue(answer.json().get("detail").asText().contains("not in the member directory"), answer.json().toString());
        }
    }

    @Test
    void theKeyIsTakenAsBearerOrXApiKey(@TempDir Path dir) throws Exception {
        try (var hub = new TestHub(dir).withLibrary("kunshan", LibraryKind.CENTRAL)) {
            var bearer = hub.post("/api/libraries/kunshan/records", cnmarc(), Optional.of(TestHub.key("kunshan")));
            var header = hub.send(HttpRequest.newBuilder(hub.uri("/api/libraries/kunshan/records")).POST(cnmarc())
                    .header("X-Api-Key", TestHub.key("kunshan")).build());

            assertEquals(200, bearer.status(), bearer.json().toString());
            assertEquals(200, header.status(), header.json().toString());
            assertEquals(bearer.json().get("accepted").asInt(), header.json().get("unchanged").asInt());
        }
    }

    @Test
    void theDemoNetworksDocumentedKeysWork(@TempDir Path dir) throws Exception {
        var directory = DemoNetwork.directory();
        for (var member : directory.members()) {
            assertTrue(member.acceptsKey("demo-key-" + member.id()), member.id());
        }
    }

    @Test
    void theApiShowsWhereAMembersRecordsComeFromButNeverItsKey(@TempDir Path dir) throws Exception {
        try (var hub = new TestHub(dir).withLibrary("kunshan", LibraryKind.CENTRAL)) {
            var member = hub.get("/api/libraries/kunshan").json();

            assertEquals("upload", member.at("/source/type").asText());
            assertTrue(member.get("uploads").asBoolean());
            assertTrue(!member.toString().contains(TestHub.key("kunshan")) && !member.toString().contains("apiKey"));
        }
    }
}
