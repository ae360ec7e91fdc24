package org.tongjie.ill;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ILL desk: routing, the rota, the lender's loan rules and the scheduled jobs, over {@link IllStore}.
 * Everything that changes a request still goes through the store's transition table; this class only
 * decides the details (which lender, which due date) from the network and the clock.
 */
public final class IllService {
    private static final Logger LOG = LoggerFactory.getLogger(IllService.class);
    public static final String SYSTEM = "system";
    private static final Set<RequestState> ON_LOAN = EnumSet.of(RequestState.ON_LOAN, RequestState.RENEWED,
            RequestState.RECALLED);

    private final IllStore store;
    private final Supplier<Network> network;
    private final Clock clock;

    /** @param network read on every routing and loan decision, so directory changes apply at once */
    public IllService(IllStore store, Supplier<Network> network, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.network = Objects.requireNonNull(network, "network");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public IllStore store() {
        return store;
    }

    /**
     * A reader's request: recorded, routed by {@link Router} over {@code holdings} and sent to the first
     * lender on the rota (or cancelled at once when no copy can be lent, the rota saying why).
     */
    public IllRequest submit(Citation citation, Reader reader, ServiceType type, Pickup pickup,
                             List<CandidateHolding> holdings) {
        checkPickup(pickup);
        return routeFirst(store.create(citation, reader, type, pickup), holdings);
    }

    /**
     * A pickup point must be a member of the directory, open, and of the kind booked: a locker is booked as
     * a locker, a kiosk as a kiosk, any other service point as a branch desk.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    void checkPickup(Pickup pickup) {
        if (!(pickup instanceof Pickup.AtServicePoint p)) {
            return;
        }
        NetworkLibrary library = network.get().library(p.libraryId()).orElseThrow(() -> new IllegalArgumentException(
                "pickup: no library '" + p.libraryId() + "' in the member directory"));
        Pickup.Kind kind = kindOf(library.kind());
        if (kind != p.kind()) {
            throw new IllegalArgumentException("pickup: " + p.libraryId() + " is a " + library.kind() + ", book it as "
                    + kind + ", not " + p.kind());
        }
        if (!library.open()) {
            throw new IllegalArgumentException("pickup: " + p.libraryId() + " is closed now; choose another pickup point");
        }
    }

    /** The pickup kind a service point is booked as. */
    static Pickup.Kind kindOf(ServicePointKind kind) {
        return switch (kind) {
            case SMART_LOCKER -> Pickup.Kind.SMART_LOCKER;
            case KIOSK_24H -> Pickup.Kind.KIOSK_24H;
            case CENTRAL, BRANCH, CIRCULATION_POINT, MOBILE_VAN -> Pickup.Kind.BRANCH;
        };
    }

    /**
     * The limits of the reader's library, checked before a reader's request is placed: no overdue loan, no
     * open request for the same title, fewer open requests than the library allows.
     *
     * @throws RequestRefusedException saying which rule and what to do
     */
    public void checkReader(Reader reader, Citation citation) {
        List<IllRequest> open = store.openRequestsOf(reader);
        for (IllRequest r : open) {
            if (r.state() == RequestState.OVERDUE) {
                throw new RequestRefusedException(RequestRefusedException.Reason.READER_BLOCKED, "the reader's loan of "
                        + r.citation().titleWithVolume() + " (request " + r.id() + ") is overdue; return it to borrow again");
            }
            if (r.citation().unionRecordId().equals(citation.unionRecordId())) {
                throw new RequestRefusedException(RequestRefusedException.Reason.DUPLICATE_REQUEST, "the reader already has"
                        + " request " + r.id() + " for " + r.citation().titleWithVolume() + " (" + r.state() + ")");
            }
        }
        int max = network.get().policyOf(reader.homeLibraryId()).maxOpenRequests();
        if (open.size() >= max) {
            throw new RequestRefusedException(RequestRefusedException.Reason.REQUEST_LIMIT_REACHED, "the reader has "
                    + open.size() + " open requests, the most " + reader.homeLibraryId() + " allows; wait for one to finish");
        }
    }

    /**
     * An external agency's request: recorded with the agency's own id and routed like a reader's; a request
     * the agency already sent is returned as it stands, neither recorded nor routed again.
     */
    public IllStore.Created submitForAgency(AgencyLink link, Citation citation, Reader reader, ServiceType type,
                                            Pickup pickup, List<CandidateHolding> holdings) {
        IllStore.Created created = store.createForAgency(link, citation, reader, type, pickup);
        return created.isNew() ? new IllStore.Created(routeFirst(created.request(), holdings), true) : created;
    }

    private IllRequest routeFirst(IllRequest r, List<CandidateHolding> holdings) {
        Citation citation = r.citation();
        Reader reader = r.reader();
        Pickup pickup = r.pickup();
        List<CandidateHolding> wanted = citation.holding()
                .map(h -> holdings.stream().filter(c -> c.libraryId().equals(h.lenderLibraryId())
                        && c.barcode().equals(Optional.of(h.barcode()))).toList())
                .orElse(holdings);
        var copies = new java.util.HashMap<String, Copy>();
        store.copiesOf(citation.unionRecordId()).forEach(k -> copies.put(k.libraryId() + "\u0000" + k.barcode(), k));
        var seen = wanted.stream().map(h -> asTracked(h, copies)).toList();
        // a copy ILL has out comes back through ILL and fills the holds queue; a copy out in the member's own system may not
        boolean holdIfNone = r.serviceType() == ServiceType.LOAN && wanted.stream().anyMatch(h -> h.lendable()
                && h.barcode().map(b -> copies.get(h.libraryId() + "\u0000" + b)).filter(k -> k.state() != CopyState.ON_SHELF)
                .isPresent());
        List<RotaEntry> rota = Router.plan(reader, pickup, seen, network.get(), store.openLendingLoad());
        r = store.route(r.id(), r.version(), Optional.of(rota), SYSTEM, holdIfNone);
        return sendIfRouted(r);
    }

    /** The catalogue's copy as ILL's copy states have it: out when promised or lent, at its new shelf when it floated. */
    private static CandidateHolding asTracked(CandidateHolding h, java.util.Map<String, Copy> copies) {
        Copy k = h.barcode().map(b -> copies.get(h.libraryId() + "\u0000" + b)).orElse(null);
        if (k == null || h.availability() != Availability.AVAILABLE) {
            return h;
        }
        if (k.state() != CopyState.ON_SHELF) {
            return h.with(k.state().availability());
        }
        return k.shelfLibrary().equals(h.libraryId()) ? h : h.floatedTo(k.shelfLibrary());
    }

    /** Any staff or reader action whose details the caller has decided (ship with a waybill, return at a point). */
    public IllRequest act(long id, long version, Command command, String actor, String note) {
        Optional<Copy> promised = command.action() == Action.CANCEL ? store.copyOf(id) : Optional.empty();
        IllRequest r = store.apply(id, version, command, actor, note);
        if (command.action() == Action.UNFILLED && r.state() == RequestState.UNFILLED) {
            r = nextLender(r);
        }
        promised.ifPresent(k -> fillHold(k.libraryId(), k.barcode(), actor));
        return r;
    }

    private Optional<IllRequest> fillHold(String owner, String barcode, String actor) {
        return attemptFill(() -> store.fillHold(owner, barcode, actor).map(this::sendIfRouted));
    }

    /** A hold that cannot be filled now (someone moved the copy or the request meanwhile) waits for the next copy. */
    private static Optional<IllRequest> attemptFill(Supplier<Optional<IllRequest>> step) {
        try {
            return step.get();
        } catch (ConcurrentChangeException | IllegalTransitionException | CopyConflictException e) {
            LOG.info("a hold was not filled now: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A copy checked in by barcode at {@code library} (or its service point): the loan is returned there and
     * the copy goes to the first reader waiting for the title, stays (the owner's policy floats), goes back
     * on its owner's shelf (checked in at home), or is sent home by {@code shipment}.
     *
     * @throws NotPermittedException if {@code who} does not act for the library, or the point is not the library's
     * @throws UnknownCopyException if no copy with the barcode is on loan or on its way home
     */
    public CheckIn checkIn(Principal who, String barcode, String library, Optional<String> servicePoint,
                           Optional<Details.Shipment> shipment) {
        Permissions permissions = permissions();
        String point = servicePoint.orElse(library);
        if (who instanceof Principal.Staff s && !permissions.actsFor(s.libraryId(), library)) {
            throw new NotPermittedException(who.actor() + " may check in only at its own library, not " + library);
        }
        if (!permissions.actsFor(library, point)) {
            throw new NotPermittedException(point + " is not a service point of " + library);
        }
        NetworkLibrary at = network.get().library(point).orElseThrow(() -> new IllegalArgumentException(
                "servicePoint: no library '" + point + "' in the member directory"));
        Copy copy = store.copiesByBarcode(barcode).stream()
                .filter(k -> k.state() == CopyState.ON_LOAN || k.state() == CopyState.IN_TRANSIT_HOME).findFirst()
                .orElseThrow(() -> new UnknownCopyException("no copy with barcode " + barcode + " is on loan or on its way home"));
        IllRequest r = require(copy.requestId().orElseThrow());
        String owner = copy.libraryId();
        // home: the owner's own desk (at the library or one of its kiosks and lockers); a branch that is a
        // member of its own is elsewhere, even within the owner's system
        boolean home = library.equals(owner);
        String actor = who.actor();
        if (copy.state() == CopyState.IN_TRANSIT_HOME && !home) {
            throw new CopyConflictException("copy " + barcode + " is on its way home to " + owner + "; check it in there");
        }
        if (copy.state() == CopyState.ON_LOAN) {
            r = store.apply(r.id(), r.version(), Command.returnAt(new Pickup.AtServicePoint(point, kindOf(at.kind()))),
                    actor, "checked in by barcode " + barcode + " at " + point);
            boolean floats = network.get().policyOf(owner).floating();
            if (!home && !floats && !store.hasHolds(copy.unionRecordId())) {
                r = store.apply(r.id(), r.version(), Command.of(Action.SEND_HOME), actor, "sent home to " + owner,
                        new CopyMoves.Extras(Optional.empty(), shipment));
                return new CheckIn(CheckIn.Decision.SEND_HOME, store.copy(owner, barcode).orElseThrow(), r, Optional.empty());
            }
        }
        r = store.apply(r.id(), r.version(), Command.of(Action.CHECK_IN), actor, "", new CopyMoves.Extras(Optional.of(library),
                Optional.empty()));
        r = store.apply(r.id(), r.version(), Command.of(Action.COMPLETE), actor, "");
        Optional<IllRequest> filled = fillHold(owner, barcode, actor);
        CheckIn.Decision decision = filled.isPresent() ? CheckIn.Decision.FILL_HOLD
                : home ? CheckIn.Decision.HOME_SHELF : CheckIn.Decision.FLOAT;
        return new CheckIn(decision, store.copy(owner, barcode).orElseThrow(), r, filled);
    }

    /**
     * Staff picked or ship another copy of the same edition than the one promised ({@code barcode}, at the
     * lender): it is promised instead, and the first copy goes back on its shelf (to a waiting hold, if any).
     */
    public void takeCopy(Principal who, long id, String barcode) {
        IllRequest r = require(id);
        if (!permissions().mayDo(who, Action.PICK, r) && !permissions().mayDo(who, Action.SHIP, r)) {
            throw new NotPermittedException(who.actor() + " may not choose the copy of ILL request " + id);
        }
        Optional<Copy> before = store.copyOf(id);
        store.swapCopy(id, barcode, who.actor());
        before.filter(k -> !k.barcode().equals(barcode)).ifPresent(k -> fillHold(k.libraryId(), k.barcode(), who.actor()));
    }

    /**
     * The reader opens the locker slot with the code they were given.
     *
     * @throws LoanRuleException if the request is in a locker and the code does not match
     */
    public void checkPickupCode(long id, Optional<String> code) {
        Optional<String> issued = store.pickupCode(id);
        if (issued.isPresent() && !issued.equals(code.map(String::strip))) {
            throw new LoanRuleException("the pickup code " + (code.isPresent() ? "does not match" : "is missing")
                    + ": the locker opens with the code the reader was given for request " + id);
        }
    }

    /** Requests {@code who} may see whose number, card, barcode or title is {@code q}. */
    public List<IllRequest> search(Principal who, String q) {
        var permissions = permissions();
        return store.search(q, 200).stream().filter(r -> permissions.maySee(who, r)).limit(50).toList();
    }

    /** The lender cannot fill: the rota moves to the next lender (or the request is cancelled, rota exhausted). */
    public IllRequest unfilled(long id, long version, String actor, String note) {
        return act(id, version, Command.of(Action.UNFILLED), actor, note);
    }

    /** On the pickup shelf or in a locker slot, held for the pickup library's hold period. */
    public IllRequest shelveForPickup(long id, long version, String slot, String actor) {
        IllRequest r = require(id);
        String pickupLibrary = r.pickup() instanceof Pickup.AtServicePoint p ? p.libraryId() : r.reader().homeLibraryId();
        store.copiesAt(pickupLibrary, slot).stream().filter(k -> k.requestId().orElse(id) != id).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("slot " + slot + " at " + pickupLibrary + " holds copy " + k.barcode()
                    + " for request " + k.requestId().orElse(0) + " until " + k.until().map(Instant::toString).orElse("it is collected"));
        });
        Instant holdUntil = now().plus(network.get().policyOf(pickupLibrary).holdPeriod());
        return store.apply(id, version, Command.shelveForPickup(slot, holdUntil), actor, "");
    }

    /** Lent to the reader for the lender's loan period. */
    public IllRequest loan(long id, long version, String actor) {
        Instant due = now().plus(policy(require(id)).loanPeriod());
        return store.apply(id, version, Command.loan(due), actor, "");
    }

    /**
     * Renewed by the lender's renewal period from the current due date (or from now, if that is later).
     *
     * @throws LoanRuleException when the lender's renewals are used up
     */
    public IllRequest renew(long id, long version, String actor) {
        IllRequest r = require(id);
        LendingPolicy policy = policy(r);
        if (r.progress().renewals() >= policy.maxRenewals()) {
            throw new LoanRuleException("ILL request " + id + " has been renewed " + r.progress().renewals()
                    + " times, the most " + r.progress().lender().orElse("the lender") + " allows; return it by "
                    + r.progress().due().map(Instant::toString).orElse("its due date"));
        }
        Instant from = r.progress().due().filter(d -> d.isAfter(now())).orElse(now());
        return store.apply(id, version, Command.renew(from.plus(policy.renewalPeriod())), actor, "");
    }

    /** The lender wants it back: due within its recall period, never later than it already was. */
    public IllRequest recall(long id, long version, String actor, String note) {
        IllRequest r = require(id);
        Instant recalled = now().plus(policy(r).recallPeriod());
        Instant due = r.progress().due().filter(d -> d.isBefore(recalled)).orElse(recalled);
        return store.apply(id, version, Command.recall(due), actor, note);
    }

    public Permissions permissions() {
        return new Permissions(network.get());
    }

    /** What {@code who} may do to the request now: the table's moves from its state that their role allows. */
    public Set<Action> allowedActions(Principal who, IllRequest r) {
        var permissions = permissions();
        var out = EnumSet.noneOf(Action.class);
        for (Action a : Transitions.allowed(r.track(), r.state())) {
            if (permissions.mayDo(who, a, r)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The request, if {@code who} may see it. */
    public IllRequest view(Principal who, long id) {
        IllRequest r = require(id);
        if (!permissions().maySee(who, r)) {
            throw new NotPermittedException(who.actor() + " may not see ILL request " + id);
        }
        return r;
    }

    /**
     * An action by {@code who}, checked against {@link Permissions}; the details the lender's policy and
     * the clock decide (due dates, hold times, the next lender) are decided here.
     *
     * @throws NotPermittedException if the role does not allow it on this request
     * @throws IllegalArgumentException if a detail the action needs is missing
     */
    public IllRequest perform(Principal who, long id, ActionRequest a) {
        IllRequest r = require(id);
        if (!permissions().mayDo(who, a.action(), r)) {
            throw new NotPermittedException(who.actor() + " may not " + a.action() + " ILL request " + id
                    + " (" + r.state() + ")");
        }
        String actor = who.actor();
        return switch (a.action()) {
            case SHELVE_FOR_PICKUP -> shelveForPickup(id, a.version(), need(a.slot(), "slot", a), actor);
            case LOAN -> loan(id, a.version(), actor);
            case RENEW -> renew(id, a.version(), actor);
            case RECALL -> recall(id, a.version(), actor, a.note());
            case SHIP -> act(id, a.version(), Command.ship(need(a.courier(), "courier", a), need(a.waybill(), "waybill", a)),
                    actor, a.note());
            case RETURN -> act(id, a.version(), Command.returnAt(need(a.returnPoint(), "returnPoint", a)), actor, a.note());
            default -> act(id, a.version(), Command.of(a.action()), actor, a.note());
        };
    }

    private static <T> T need(Optional<T> value, String field, ActionRequest a) {
        return value.orElseThrow(() -> new IllegalArgumentException(a.action() + " needs " + field));
    }

    /** What one run of the scheduled jobs did. */
    public record JobReport(int lenderTimeouts, int rerouted, int sentToLender, int pickupsExpired, int overdue) {}

    /**
     * The scheduled jobs, on the injected clock: lenders that missed their answer deadline count as
     * unfilled and the rota moves on; routing interrupted by a crash is finished; pickups past their hold
     * expire; loans past their due date become overdue. Safe to run concurrently with staff and with
     * itself: a request someone else moved in the meantime is left alone.
     */
    public JobReport runScheduledJobs() {
        Instant now = now();
        int timeouts = 0;
        int rerouted = 0;
        int sent = 0;
        int expired = 0;
        int overdue = 0;
        for (IllRequest r : store.due(IllStore.Due.LENDER_ANSWER, EnumSet.of(RequestState.AT_LENDER), now)) {
            String note = "no answer from " + r.progress().lender().orElse("the lender") + " by "
                    + r.progress().respondBy().map(Instant::toString).orElse("its deadline");
            if (attempt(() -> store.apply(r.id(), r.version(), Command.of(Action.UNFILLED), SYSTEM, note)) != null) {
                timeouts++;
            }
        }
        for (IllRequest r : store.inStates(EnumSet.of(RequestState.UNFILLED))) {
            if (attempt(() -> nextLender(r)) != null) {
                rerouted++;
            }
        }
        for (IllRequest r : store.inStates(EnumSet.of(RequestState.ROUTED))) {
            if (attempt(() -> sendIfRouted(r)) != null) {
                sent++;
            }
        }
        for (IllRequest r : store.due(IllStore.Due.PICKUP_HOLD, EnumSet.of(RequestState.READY_FOR_PICKUP), now)) {
            String note = "not collected by " + r.progress().holdUntil().map(Instant::toString).orElse("the hold date");
            if (attempt(() -> store.apply(r.id(), r.version(), Command.of(Action.EXPIRE), SYSTEM, note)) != null) {
                expired++;
            }
        }
        for (IllRequest r : store.due(IllStore.Due.LOAN, ON_LOAN, now)) {
            String note = "due " + r.progress().due().map(Instant::toString).orElse("");
            if (attempt(() -> store.apply(r.id(), r.version(), Command.of(Action.MARK_OVERDUE), SYSTEM, note)) != null) {
                overdue++;
            }
        }
        var report = new JobReport(timeouts, rerouted, sent, expired, overdue);
        if (timeouts + rerouted + sent + expired + overdue > 0) {
            LOG.info("ILL jobs: {}", report);
        }
        return report;
    }

    private IllRequest nextLender(IllRequest unfilled) {
        IllRequest r = store.route(unfilled.id(), unfilled.version(), Optional.empty(), SYSTEM);
        return sendIfRouted(r);
    }

    private IllRequest sendIfRouted(IllRequest r) {
        if (r.state() != RequestState.ROUTED) {
            return r;
        }
        Instant answerBy = now().plus(policy(r).responseTime());
        return store.apply(r.id(), r.version(), Command.sendToLender(answerBy), SYSTEM, "");
    }

    /** Runs a job step; a request someone else moved meanwhile is skipped (the next run sees it again). */
    private static IllRequest attempt(Supplier<IllRequest> step) {
        try {
            return step.get();
        } catch (ConcurrentChangeException | IllegalTransitionException e) {
            return null;
        }
    }

    private LendingPolicy policy(IllRequest r) {
        return network.get().policyOf(r.progress().lender().orElse(""));
    }

    private IllRequest require(long id) {
        return store.find(id).orElseThrow(() -> new UnknownRequestException(id));
    }

    private Instant now() {
        return clock.instant();
    }
}
