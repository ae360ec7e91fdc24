package org.tongjie.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.tongjie.indexer.Catalog;

/** The member directory, and members sending their records. */
final class LibraryController {
    private final Catalog catalog;

    LibraryController(Catalog catalog) {
        this.catalog = catalog;
    }

    void list(Context ctx) {
        ctx.json(catalog.libraries());
    }

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(catalog.library(id).orElseThrow(() -> new NotFoundException("no member library with id '" + id + "'")));
    }

    /** Streams the body (ISO 2709 or MARCXML) into the catalogue; the report lists every quarantined record. */
    void upload(Context ctx) throws IOException {
        try (InputStream body = ctx.bodyInputStream()) {
            ctx.json(catalog.ingest(ctx.pathParam("id"), body, "upload"));
        }
    }
}
