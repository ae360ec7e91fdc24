package org.tongjie.api;

import io.javalin.http.Context;
import java.util.function.UnaryOperator;
import org.tongjie.api.http.ProblemException;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.indexer.Catalog;

/**
 * {@code GET /api/records/{id}}: one record with its holdings, each copy's status as the search shows it
 * (interlibrary loan's copy states over what the member last reported).
 */
final class RecordController {
    private final Catalog catalog;
    private final UnaryOperator<UnionRecord> copyStates;

    RecordController(Catalog catalog, UnaryOperator<UnionRecord> copyStates) {
        this.catalog = catalog;
        this.copyStates = copyStates;
    }

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(copyStates.apply(catalog.search().record(id)
                .orElseThrow(() -> ProblemException.notFound("no record with id '" + id + "'"))));
    }
}
