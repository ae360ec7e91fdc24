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

    /** What could not be read from the member's files, with the reason for each record. */
    void quarantine(Context ctx) {
        var paging = Paging.of(ctx, 50);
        ctx.json(catalog.quarantine(ctx.pathParam("id"), paging.page(), paging.size()));
    }

    /** A quarantined record's bytes exactly as sent, for the member to inspect or fix. */
    void quarantinedRecord(Context ctx) {
        String id = ctx.pathParam("id");
        long entry = ctx.pathParamAsClass("entry", Long.class).get();
        byte[] raw = catalog.quarantinedBytes(id, entry).orElseThrow(() ->
                new NotFoundException("library '" + id + "' has no quarantine entry " + entry));
        ctx.contentType("application/octet-stream").result(raw);
    }

    /** Streams the body (ISO 2709 or MARCXML) into the catalogue; the report lists every quarantined record. */
    void upload(Context ctx) throws IOException {
        try (InputStream body = ctx.bodyInputStream()) {
            ctx.json(catalog.ingest(ctx.pathParam("id"), body, "upload"));
        }
    }
}
