package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.ProblemCode;
import org.tongjie.api.http.ProblemException;
import org.tongjie.api.http.Problems;
import org.tongjie.api.http.Valid;
import org.tongjie.ill.Action;
import org.tongjie.ill.ActionRequest;
import org.tongjie.ill.Citation;
import org.tongjie.ill.IllRequest;
import org.tongjie.ill.IllService;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.NotPermittedException;
import org.tongjie.ill.Pickup;
import org.tongjie.ill.Principal;
import org.tongjie.ill.Reader;
import org.tongjie.ill.RequestRefusedException;
import org.tongjie.ill.ServiceType;

/** Placing a request, seeing it and acting on it: for readers (their own), the desks concerned, the administrator. */
final class RequestRoutes {
    private final IllService ill;
    private final IllStore store;
    private final CatalogLookup lookup;

    RequestRoutes(IllService ill, CatalogLookup lookup) {
        this.ill = ill;
        this.store = ill.store();
        this.lookup = lookup;
    }

    void register(RoutesConfig routes, Access access) {
        routes.post("/api/ill/requests", access.needs(Need.illAccount(), this::create));
        routes.get("/api/ill/requests/{id}", access.needs(Need.illAccount(), this::show));
        routes.post("/api/ill/requests/{id}/actions", access.needs(Need.illAccount(), this::act));
        routes.exception(RequestRefusedException.class, (e, ctx) -> Problems.answer(ctx, switch (e.reason()) {
            case DUPLICATE_REQUEST -> ProblemCode.DUPLICATE_REQUEST;
            case REQUEST_LIMIT_REACHED -> ProblemCode.REQUEST_LIMIT_REACHED;
            case READER_BLOCKED -> ProblemCode.READER_BLOCKED;
        }, e.getMessage()));
    }

    record PickupBody(String libraryId, Pickup.Kind kind, String homeAddress) {}

    record HoldingBody(String libraryId, String barcode) {}

    record ReaderBody(String cardNumber, String homeLibraryId) {}

    record CreateBody(String recordId, ServiceType serviceType, PickupBody pickup, HoldingBody holding, ReaderBody reader) {}

    private void create(Context ctx, Caller.IllCaller caller) {
        boolean forAReader = !(caller instanceof Caller.IllReader);
        CreateBody body = ctx.bodyValidator(CreateBody.class)
                .check("recordId", b -> Valid.given(b.recordId()), "is required: the id of the record to borrow")
                .check("pickup", b -> b.pickup() != null && (b.pickup().homeAddress() != null
                                || b.pickup().libraryId() != null && b.pickup().kind() != null),
                        "is required: {libraryId, kind (BRANCH, KIOSK_24H, SMART_LOCKER)} of a service point, or {homeAddress}")
                .check("holding", b -> b.holding() == null || b.holding().libraryId() != null && b.holding().barcode() != null,
                        "needs libraryId and barcode when given")
                .check("reader", b -> !forAReader || b.reader() != null && b.reader().cardNumber() != null
                                && b.reader().homeLibraryId() != null,
                        "is required when staff place a request: {cardNumber, homeLibraryId}")
                .check("recordId", b -> fits(b.recordId(), MAX_ID), "must be at most " + MAX_ID + " characters")
                .check("pickup", b -> b.pickup() == null || fits(b.pickup().homeAddress(), MAX_TEXT)
                        && fits(b.pickup().libraryId(), MAX_ID), "homeAddress must be at most " + MAX_TEXT
                        + " characters and libraryId at most " + MAX_ID)
                .check("holding", b -> b.holding() == null || fits(b.holding().libraryId(), MAX_ID)
                        && fits(b.holding().barcode(), MAX_ID), "libraryId and barcode must be at most " + MAX_ID + " characters")
                .check("reader", b -> b.reader() == null || fits(b.reader().cardNumber(), MAX_ID)
                        && fits(b.reader().homeLibraryId(), MAX_ID), "cardNumber and homeLibraryId must be at most "
                        + MAX_ID + " characters")
                .get();
        Principal who = caller.principal();
        Reader reader = switch (caller) {
            case Caller.IllReader r -> r.reader();
            case Caller.IllDesk desk -> {
                Reader r = readerOf(body.reader());
                if (!ill.permissions().actsFor(desk.libraryId(), r.homeLibraryId())) {
                    throw new NotPermittedException(who.actor() + " may place requests only for its own readers");
                }
                yield r;
            }
            case Caller.NetworkAdmin admin -> readerOf(body.reader());
        };
        var wanted = lookup.wanted(body.recordId()).orElseThrow(() ->
                ProblemException.invalid("recordId: no record with id '" + body.recordId() + "' in the catalogue"));
        Citation citation = wanted.citation();
        if (body.holding() != null) {
            citation = new Citation(citation.unionRecordId(), citation.title(), citation.author(), citation.isbn(),
                    Optional.of(Valid.of(() -> new Citation.Holding(body.holding().libraryId(), body.holding().barcode()))));
        }
        Pickup pickup = pickup(body.pickup());
        ServiceType type = body.serviceType() == null ? ServiceType.LOAN : body.serviceType();
        Citation finalCitation = citation;
        ill.checkReader(reader, citation);
        IllRequest r = Valid.of(() -> ill.submit(finalCitation, reader, type, pickup, wanted.holdings()));
        ctx.status(HttpStatus.CREATED).json(IllViews.of(r, store, ill, who));
    }

    private void show(Context ctx, Caller.IllCaller caller) {
        IllRequest r = ill.view(caller.principal(), requestId(ctx));
        ctx.json(IllViews.of(r, store, ill, caller.principal()));
    }

    record PointBody(String libraryId, Pickup.Kind kind) {
        boolean complete() {
            return libraryId != null && kind != null;
        }
    }

    /**
     * @param barcode    the copy staff picked or shipped, when not the one promised (another copy of the edition)
     * @param pickupCode the code the reader typed at the locker, for a loan from a locker
     */
    record ActionBody(Action action, Long version, String note, String courier, String waybill, String slot,
                      PointBody returnPoint, String barcode, String pickupCode) {
        ActionRequest toRequest(long version) {
            Optional<Pickup.AtServicePoint> point = Optional.ofNullable(returnPoint)
                    .map(p -> Valid.of(() -> new Pickup.AtServicePoint(p.libraryId(), p.kind())));
            return new ActionRequest(action, version, note, Optional.ofNullable(courier), Optional.ofNullable(waybill),
                    Optional.ofNullable(slot), point);
        }
    }

    /** Ids, codes, barcodes and waybill numbers; free text (a note, a home address) up to a short letter. */
    private static final int MAX_ID = 200;
    private static final int MAX_TEXT = 2_000;

    /** Absent, or no longer than {@code max}: what a request and its moves keep is bounded. */
    private static boolean fits(String value, int max) {
        return value == null || value.length() <= max;
    }

    static final String RETURN_POINT = "needs libraryId and kind (BRANCH, KIOSK_24H, SMART_LOCKER) when given";

    private void act(Context ctx, Caller.IllCaller caller) {
        long id = requestId(ctx);
        ActionBody body = ctx.bodyValidator(ActionBody.class)
                .check("action", b -> b.action() != null, "is required: what to do, e.g. WILL_SUPPLY")
                .check("version", b -> b.version() != null, "is required: the version you saw, for optimistic concurrency")
                .check("returnPoint", b -> b.returnPoint() == null || b.returnPoint().complete(), RETURN_POINT)
                .check("note", b -> fits(b.note(), MAX_TEXT), "must be at most " + MAX_TEXT + " characters")
                .check("courier", b -> fits(b.courier(), MAX_ID) && fits(b.waybill(), MAX_ID) && fits(b.slot(), MAX_ID)
                        && fits(b.barcode(), MAX_ID) && fits(b.pickupCode(), MAX_ID),
                        "courier, waybill, slot, barcode and pickupCode must be at most " + MAX_ID + " characters")
                .get();
        if (body.barcode() != null && (body.action() == Action.PICK || body.action() == Action.SHIP)) {
            takeCopy(caller, id, body.barcode());
        }
        if (body.action() == Action.LOAN) {
            ill.checkPickupCode(id, Optional.ofNullable(body.pickupCode()));
        }
        IllRequest r = Valid.of(() -> ill.perform(caller.principal(), id, body.toRequest(body.version())));
        ctx.json(IllViews.of(r, store, ill, caller.principal()));
    }

    /** Another copy of the same edition, at the lender: the catalogue must list it among the record's copies. */
    private void takeCopy(Caller.IllCaller caller, long id, String barcode) {
        IllRequest r = ill.view(caller.principal(), id);
        String lender = r.progress().lender().orElse("");
        boolean sameEdition = lookup.wanted(r.citation().unionRecordId()).stream().flatMap(w -> w.holdings().stream())
                .anyMatch(h -> h.barcode().equals(Optional.of(barcode)) && (h.libraryId().equals(lender)
                        || store.copy(h.libraryId(), barcode).filter(k -> k.shelfLibrary().equals(lender)).isPresent()));
        if (!sameEdition) {
            throw ProblemException.invalid("barcode: " + barcode + " is not a copy of " + r.citation().titleWithVolume()
                    + " at " + lender);
        }
        ill.takeCopy(caller.principal(), id, barcode);
    }

    private static Reader readerOf(ReaderBody r) {
        return Valid.of(() -> new Reader(r.cardNumber(), r.homeLibraryId()));
    }

    private static Pickup pickup(PickupBody p) {
        return Valid.of(() -> p.homeAddress() != null ? new Pickup.HomeDelivery(p.homeAddress())
                : new Pickup.AtServicePoint(p.libraryId(), p.kind()));
    }

    private static long requestId(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }
}
