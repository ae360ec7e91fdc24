package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.LibraryKind;

/**
 * Every answer carries the security headers (issue 22 found none): pages, scripts, the API, SRU, Javalin's
 * own 404 and 401, and Jetty's refusal of a path it cannot read. The pages keep to what the policy allows:
 * no inline script, style or event handler, so the strict policy breaks nothing.
 */
class SecurityHeadersTest {
    private static final Pattern INLINE = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dataDir;

    @Test
    void everyAnswerCarriesThem() throws Exception {
        try (var hub = new TestHub(dataDir).withLibrary("kunshan", LibraryKind.CENTRAL)) {
            var http = HttpClient.newHttpClient();
            for (String path : List.of("/", "/member.html", "/staff.html", "/assets/reader.js", "/assets/tongjie.css",
                    "/api/search?q=computer", "/sru?operation=explain&version=1.2", "/openapi.json", "/no-such-page",
                    "/api/ill/me", "/api/search?page=-1", "/%00")) {
                var response = http.send(HttpRequest.newBuilder(hub.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
                var headers = response.headers();
                String what = path + " (" + response.statusCode() + ")";
                String csp = headers.firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'")
                        && csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), what + ": " + csp);
                assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), what + ": " + csp);
                assertEquals(List.of("nosniff"), headers.allValues("X-Content-Type-Options"), what);
                assertEquals(List.of("same-origin"), headers.allValues("Referrer-Policy"), what);
                assertEquals(List.of("DENY"), headers.allValues("X-Frame-Options"), what);
                if (path.startsWith("/api/ill/")) {
                    assertEquals(List.of("no-store"), headers.allValues("Cache-Control"), what + ": readers' data is never kept");
                }
            }
        }
    }

    @Test
    void thePagesHaveNoInlineScriptOrStyle() throws Exception {
        try (var hub = new TestHub(dataDir)) {
            for (String page : List.of("/", "/member.html", "/staff.html")) {
                String html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(hub.uri(page)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(html.contains("<script"), page + " was served");
                var inline = INLINE.matcher(html);
                assertFalse(inline.find(), page + " has inline code the policy blocks: " + (inline.hitEnd() ? "" : inline.group()));
            }
        }
    }
}
