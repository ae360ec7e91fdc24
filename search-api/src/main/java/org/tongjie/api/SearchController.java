package org.tongjie.api;

import io.javalin.http.Context;
import org.tongjie.indexer.Catalog;

/** {@code GET /api/search}: the reader's query over every member's records. */
final class SearchController {
    static final int MAX_SIZE = 100;
    static final int MAX_WINDOW = 10_000;

    private final Catalog catalog;

    SearchController(Catalog catalog) {
        this.catalog = catalog;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        int page = ctx.queryParamAsClass("page", Integer.class).getOrDefault(1);
        int size = ctx.queryParamAsClass("size", Integer.class).getOrDefault(20);
        if (page < 1) {
            throw new BadRequestException("page must be 1 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new BadRequestException("results past the first " + MAX_WINDOW
                    + " are not served; narrow the query (page " + page + " of size " + size + " asked)");
        }
        ctx.json(catalog.search(q, page, size));
    }
}
