package org.tongjie.api;

import io.javalin.http.Context;
import org.tongjie.api.http.ProblemException;
import org.tongjie.indexer.Catalog;

/** {@code GET /api/records/{id}}: one record with its holdings. */
final class RecordController {
    private final Catalog catalog;

    RecordController(Catalog catalog) {
        this.catalog = catalog;
    }

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(catalog.search().record(id).orElseThrow(() -> ProblemException.notFound("no record with id '" + id + "'")));
    }
}
