package org.tongjie.api.http;

import io.javalin.config.JavalinConfig;
import java.util.Map;
import org.eclipse.jetty.server.Response;

/**
 * The headers every answer carries, pages, API and errors alike: a Content-Security-Policy that lets a page
 * load scripts, styles, images and data from the hub only (the pages have no inline script or style, so no
 * 'unsafe-inline'; an injected {@code <script>} or {@code onerror=} does not run) and never be framed
 * (clickjacking); {@code nosniff}, so a record's text is never read as script; and a Referrer-Policy that
 * keeps a search's URL, which can name what a reader looks for, from other sites.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";
    public static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY", // frame-ancestors' predecessor, for browsers that predate CSP 2
            "Referrer-Policy", "same-origin");

    private SecurityHeaders() {}

    /**
     * Sets the headers before any handler runs (static files and Javalin's own answers included). What the
     * ILL API answers names readers, their loans and home addresses: no browser or proxy may keep a copy
     * ({@code Cache-Control: no-store}), so the next person at a library's public computer cannot page back to it.
     */
    public static void install(JavalinConfig config) {
        config.routes.before(ctx -> {
            ALL.forEach(ctx::header);
            if (ctx.path().startsWith("/api/ill/")) {
                ctx.header("Cache-Control", "no-store");
            }
        });
    }

    /** For Jetty's own refusals, which never reach Javalin. */
    static void on(Response response) {
        ALL.forEach((name, value) -> response.getHeaders().put(name, value));
    }
}
