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
        return routeFirst(store.create(citation, reader, type, pickup), holdings);
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
        List<RotaEntry> rota = Router.plan(reader, pickup, wanted, network.get(), store.openLendingLoad());
        r = store.route(r.id(), r.version(), Optional.of(rota), SYSTEM);
        return sendIfRouted(r);
    }

    /** Any staff or reader action whose details the caller has decided (ship with a waybill, return at a point). */
    public IllRequest act(long id, long version, Command command, String actor, String note) {
        IllRequest r = store.apply(id, version, command, actor, note);
        if (command.action() == Action.UNFILLED && r.state() == RequestState.UNFILLED) {
            r = nextLender(r);
        }
        return r;
    }

    /** The lender cannot fill: the rota moves to the next lender (or the request is cancelled, rota exhausted). */
    public IllRequest unfilled(long id, long version, String actor, String note) {
        return act(id, version, Command.of(Action.UNFILLED), actor, note);
    }

    /** On the pickup shelf or in a locker slot, held for the pickup library's hold period. */
    public IllRequest shelveForPickup(long id, long version, String slot, String actor) {
        IllRequest r = require(id);
        String pickupLibrary = r.pickup() instanceof Pickup.AtServicePoint p ? p.libraryId() : r.reader().homeLibraryId();
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
