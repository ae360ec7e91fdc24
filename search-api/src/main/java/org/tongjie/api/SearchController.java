package org.tongjie.api;

import io.javalin.http.Context;
import org.tongjie.indexer.Catalog;

/** {@code GET /api/search}: the reader's query over every member's records. */
final class SearchController {
    private final Catalog catalog;

    SearchController(Catalog catalog) {
        this.catalog = catalog;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        var paging = Paging.of(ctx, 20);
        ctx.json(catalog.search(q, paging.page(), paging.size()));
    }
}
