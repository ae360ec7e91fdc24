package org.tongjie.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.http.ProblemException;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.UnknownRecordException;

/**
 * {@code /api/records/{id}/cluster}: which source records make up a union record and by which rule, and
 * the staff's split and merge, which outrank the matcher from then on.
 */
final class ClusterController {
    private final Catalog catalog;

    ClusterController(Catalog catalog) {
        this.catalog = catalog;
    }

    record SplitRequest(List<String> records, String reason) {}

    record MergeRequest(String with, String reason) {}

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(catalog.clusters().view(id).orElseThrow(() -> ProblemException.notFound("no union record or source record with id '" + id + "'")));
    }

    void split(Context ctx, Caller.CatalogueStaff staff) {
        var body = ctx.bodyValidator(SplitRequest.class)
                .check("records", r -> r.records() != null && !r.records().isEmpty(), "name the source records to split off")
                .check("reason", r -> r.reason() != null && !r.reason().isBlank(), "say why, for the staff after you")
                .get();
        List<String> now = act(() -> catalog.clusters().split(ctx.pathParam("id"), body.records(), "staff", body.reason()));
        ctx.json(Map.of("unionRecords", now));
    }

    void merge(Context ctx, Caller.CatalogueStaff staff) {
        var body = ctx.bodyValidator(MergeRequest.class)
                .check("with", r -> r.with() != null && !r.with().isBlank(), "the id of the union record to merge with")
                .check("reason", r -> r.reason() != null && !r.reason().isBlank(), "say why, for the staff after you")
                .get();
        String merged = act(() -> catalog.clusters().merge(ctx.pathParam("id"), body.with(), "staff", body.reason()));
        ctx.json(Map.of("unionRecord", merged));
    }

    private static <T> T act(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (UnknownRecordException e) {
            throw ProblemException.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e.getMessage());
        }
    }
}
