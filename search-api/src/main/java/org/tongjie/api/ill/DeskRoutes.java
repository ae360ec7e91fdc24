package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.ProblemCode;
import org.tongjie.api.http.ProblemException;
import org.tongjie.api.http.Problems;
import org.tongjie.api.http.Valid;
import org.tongjie.ill.CheckIn;
import org.tongjie.ill.Copy;
import org.tongjie.ill.CopyConflictException;
import org.tongjie.ill.CopyState;
import org.tongjie.ill.Details;
import org.tongjie.ill.UnknownCopyException;
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
        routes.get("/api/ill/libraries/{library}/requests", access.needs(staffOfLibrary, this::search));
        routes.get("/api/ill/copies/{barcode}", access.needs(Need.illStaff(), this::copy));
        routes.post("/api/ill/checkins", access.needs(Need.illStaff(), this::checkIn));
        Problems.map(routes, UnknownCopyException.class, ProblemCode.NOT_FOUND);
        Problems.map(routes, CopyConflictException.class, ProblemCode.CONFLICT);
    }

    /** Requests this desk may see, by number, reader card, barcode or title. */
    private void search(Context ctx, Caller.IllCaller caller) {
        String q = ctx.queryParam("q");
        if (!Valid.given(q)) {
            throw ProblemException.invalid("q: is required: a request number, reader card, barcode or title");
        }
        ctx.json(ill.search(caller.principal(), q).stream().map(IllViews::summary).toList());
    }

    record CopyPage(String libraryId, String barcode, CopyState state, String unionRecordId, Optional<Long> requestId,
                    String shelfLibrary, Optional<String> place, Optional<Instant> until, List<Copy.Event> history) {}

    /** A copy's state and history, for any desk of the network: {@code library} is its owner. */
    private void copy(Context ctx, Caller.IllCaller caller) {
        String barcode = ctx.pathParam("barcode");
        String library = ctx.queryParam("library");
        List<Copy> found = Valid.given(library) ? ill.store().copy(library, barcode).stream().toList()
                : ill.store().copiesByBarcode(barcode);
        if (found.isEmpty()) {
            throw ProblemException.notFound("ILL has not moved copy " + barcode + (Valid.given(library) ? " of " + library : "")
                    + ": it is on its owner's shelf if the catalogue lists it");
        }
        if (found.size() > 1) {
            throw ProblemException.invalid("library: barcode " + barcode + " is a copy of " + found.stream()
                    .map(Copy::libraryId).toList() + "; say which with ?library=");
        }
        Copy k = found.getFirst();
        ctx.json(new CopyPage(k.libraryId(), k.barcode(), k.state(), k.unionRecordId(),
                k.requestId().isPresent() ? Optional.of(k.requestId().getAsLong()) : Optional.empty(), k.shelfLibrary(),
                k.place(), k.until(), ill.store().copyHistory(k.libraryId(), k.barcode())));
    }

    record CheckInBody(String barcode, String library, String servicePoint, String courier, String waybill) {}

    record CheckInView(CheckIn.Decision decision, Copy copy, IllViews.Summary request, Optional<IllViews.Summary> filledHold) {}

    /** Return anywhere: a copy checked in by barcode at the desk's library or one of its service points. */
    private void checkIn(Context ctx, Caller.IllCaller caller) {
        CheckInBody body = ctx.bodyValidator(CheckInBody.class)
                .check("barcode", b -> Valid.given(b.barcode()), "is required: the barcode scanned")
                .check("library", b -> Valid.given(b.library()), "is required: the library checking it in")
                .check("courier", b -> (b.courier() == null) == (b.waybill() == null),
                        "and waybill go together: the courier and waybill if the copy is sent home")
                .get();
        Optional<Details.Shipment> shipment = Optional.ofNullable(body.courier())
                .map(c -> Valid.of(() -> new Details.Shipment(c, body.waybill())));
        CheckIn done = Valid.of(() -> ill.checkIn(caller.principal(), body.barcode().strip(), body.library(),
                Optional.ofNullable(body.servicePoint()), shipment));
        ctx.json(new CheckInView(done.decision(), done.copy(), IllViews.summary(done.request()),
                done.filledHold().map(IllViews::summary)));
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
                body.slot(), body.returnPoint(), null, null);
        var targets = body.items().stream().map(i -> new StaffDesk.Target(i.id(), i.version())).toList();
        var outcomes = desk.bulk(targets, t -> ill.perform(caller.principal(), t.requestId(), template.toRequest(t.version())));
        ctx.json(outcomes.stream().map(o -> o.result() == StaffDesk.Result.DONE
                ? new BulkOutcome(o.requestId(), o.result(), o.message(), Optional.of(o.request().version()),
                        Optional.of(o.request().state().name()))
                : new BulkOutcome(o.requestId(), o.result(), o.message(), Optional.empty(), Optional.empty())).toList());
    }
}
