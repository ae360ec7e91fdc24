package org.tongjie.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.tongjie.indexer.Catalog;
import org.tongjie.z3950.Yaz;

/** Liveness and the API's own description. */
final class SystemController {
    private final Catalog catalog;

    SystemController(Catalog catalog) {
        this.catalog = catalog;
    }

    void health(Context ctx) {
        ctx.json(Map.of(
                "status", "ok",
                "libraries", catalog.libraries().all().size(),
                "records", catalog.search().page("", 1, 1).total(),
                "yaz", Yaz.version().orElse("not installed")));
    }

    void openApi(Context ctx) throws IOException {
        try (InputStream doc = SystemController.class.getResourceAsStream("/openapi.json")) {
            if (doc == null) {
                throw new IllegalStateException("openapi.json is missing from the hub's resources");
            }
            ctx.contentType("application/json").result(doc.readAllBytes());
        }
    }
}
