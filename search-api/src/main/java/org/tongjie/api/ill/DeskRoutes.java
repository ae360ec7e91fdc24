package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.ProblemException;
import org.tongjie.ill.Action;
import org.tongjie.ill.IllService;
import org.tongjie.ill.StaffDesk;
import org.tongjie.ill.StaffQueue;

/** A member's ILL desk: its work queues, the pick list, and acting on many requests at once. */
final class DeskRoutes {
    private final IllService ill;
    private final StaffDesk desk;

    DeskRoutes(IllService ill) {
        this.ill = ill;
        this.desk = new StaffDesk(ill);
    }

    void register(RoutesConfig routes, Access access) {
        var staffOfLibrary = Need.illStaffOf("library", (desk, library) -> ill.permissions().actsFor(desk, library));
        routes.get("/api/ill/libraries/{library}/queues/{queue}", access.needs(staffOfLibrary, this::queue));
        routes.get("/api/ill/libraries/{library}/pick-list", access.needs(staffOfLibrary, this::pickList));
        routes.post("/api/ill/libraries/{library}/bulk", access.needs(staffOfLibrary, this::bulk));
    }

    private void queue(Context ctx, Caller.IllCaller caller) {
        String name = ctx.pathParam("queue");
        StaffQueue queue = Arrays.stream(StaffQueue.values()).filter(q -> key(q).equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("queue: no queue '" + name + "'; queues: "
                        + Arrays.stream(StaffQueue.values()).map(DeskRoutes::key).toList()));
        ctx.json(desk.queue(ctx.pathParam("library"), queue).stream().map(IllViews::summary).toList());
    }

    private static String key(StaffQueue q) {
        return q.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void pickList(Context ctx, Caller.IllCaller caller) {
        ctx.json(desk.pickList(ctx.pathParam("library")));
    }

    record Item(Long id, Long version) {}

    record BulkBody(Action action, List<Item> items, String note, String courier, String waybill, String slot,
                    RequestRoutes.PointBody returnPoint) {}

    record BulkOutcome(long id, StaffDesk.Result result, String message, Optional<Long> version, Optional<String> state) {}

    private void bulk(Context ctx, Caller.IllCaller caller) {
        BulkBody body = ctx.bodyValidator(BulkBody.class)
                .check("action", b -> b.action() != null, "is required: what to do to every item, e.g. WILL_SUPPLY")
                .check("items", b -> b.items() != null && !b.items().isEmpty(), "is required: [{id, version}, ...]")
                .check("items", b -> b.items() == null || b.items().stream().allMatch(i -> i != null && i.id() != null
                        && i.version() != null), "every item needs id and version (the version you saw)")
                .check("returnPoint", b -> b.returnPoint() == null || b.returnPoint().complete(), RequestRoutes.RETURN_POINT)
                .get();
        var template = new RequestRoutes.ActionBody(body.action(), 0L, body.note(), body.courier(), body.waybill(),
                body.slot(), body.returnPoint());
        var targets = body.items().stream().map(i -> new StaffDesk.Target(i.id(), i.version())).toList();
        var outcomes = desk.bulk(targets, t -> ill.perform(caller.principal(), t.requestId(), template.toRequest(t.version())));
        ctx.json(outcomes.stream().map(o -> o.result() == StaffDesk.Result.DONE
                ? new BulkOutcome(o.requestId(), o.result(), o.message(), Optional.of(o.request().version()),
                        Optional.of(o.request().state().name()))
                : new BulkOutcome(o.requestId(), o.result(), o.message(), Optional.empty(), Optional.empty())).toList());
    }
}
