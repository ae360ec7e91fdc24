package org.tongjie.ill;

import static org.tongjie.ill.Action.*;
import static org.tongjie.ill.RequestState.*;
import static org.tongjie.ill.Track.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of allowed moves: from a state, an action leads to a state, on the tracks listed. The
 * store refuses anything not in it; {@code TransitionTableTest} checks every (track, state, action).
 */
final class Transitions {
    /** A row of the table. */
    record Move(RequestState from, Action action, RequestState to, Set<Track> tracks) {}

    private static final Set<Track> ALL = EnumSet.allOf(Track.class);
    private static final Set<Track> LOANS = EnumSet.of(LOAN_AT_SERVICE_POINT, LOAN_HOME_DELIVERY);
    private static final Set<Track> SHELF = EnumSet.of(LOAN_AT_SERVICE_POINT);
    private static final Set<Track> HOME = EnumSet.of(LOAN_HOME_DELIVERY);
    private static final Set<Track> COPIES = EnumSet.of(COPY);

    static final List<Move> TABLE = List.of(
            // Finding a lender; UNFILLED goes back to ROUTED for the next lender on the rota.
            new Move(REQUESTED, ROUTE, ROUTED, ALL),
            new Move(ROUTED, SEND_TO_LENDER, AT_LENDER, ALL),
            new Move(AT_LENDER, Action.WILL_SUPPLY, RequestState.WILL_SUPPLY, ALL),
            new Move(AT_LENDER, Action.UNFILLED, RequestState.UNFILLED, ALL),
            new Move(RequestState.WILL_SUPPLY, Action.UNFILLED, RequestState.UNFILLED, ALL), // not on the shelf
            new Move(RequestState.UNFILLED, ROUTE, ROUTED, ALL),
            // Holds: no copy free now; routed again, in queue order, when a copy of the title comes back.
            new Move(REQUESTED, HOLD, ON_HOLD, ALL),
            new Move(RequestState.UNFILLED, HOLD, ON_HOLD, ALL),
            new Move(ON_HOLD, ROUTE, ROUTED, ALL),
            new Move(ON_HOLD, CANCEL, CANCELLED, ALL),
            // Cancel only while nothing has been shipped.
            new Move(REQUESTED, CANCEL, CANCELLED, ALL),
            new Move(ROUTED, CANCEL, CANCELLED, ALL),
            new Move(AT_LENDER, CANCEL, CANCELLED, ALL),
            new Move(RequestState.WILL_SUPPLY, CANCEL, CANCELLED, ALL),
            new Move(RequestState.UNFILLED, CANCEL, CANCELLED, ALL), // rota exhausted
            new Move(PICKED, CANCEL, CANCELLED, LOANS),
            // Document delivery: the copy is sent and kept, nothing comes back.
            new Move(RequestState.WILL_SUPPLY, SHIP, SHIPPED, COPIES),
            new Move(SHIPPED, COMPLETE, COMPLETED, COPIES),
            // A loan travels to the reader.
            new Move(RequestState.WILL_SUPPLY, PICK, PICKED, LOANS),
            new Move(PICKED, SHIP, SHIPPED, LOANS),
            new Move(SHIPPED, DEPART, IN_TRANSIT, LOANS),
            new Move(IN_TRANSIT, DECLARE_LOST, LOST, LOANS),
            new Move(IN_TRANSIT, SHELVE_FOR_PICKUP, READY_FOR_PICKUP, SHELF),
            new Move(READY_FOR_PICKUP, Action.LOAN, ON_LOAN, SHELF),
            new Move(READY_FOR_PICKUP, EXPIRE, EXPIRED_AT_PICKUP, SHELF),
            new Move(EXPIRED_AT_PICKUP, SEND_HOME, IN_TRANSIT_HOME, SHELF),
            new Move(IN_TRANSIT, Action.LOAN, ON_LOAN, HOME), // handed over at the door
            // On loan.
            new Move(ON_LOAN, RENEW, RENEWED, LOANS),
            new Move(RENEWED, RENEW, RENEWED, LOANS),
            new Move(ON_LOAN, MARK_OVERDUE, OVERDUE, LOANS),
            new Move(RENEWED, MARK_OVERDUE, OVERDUE, LOANS),
            new Move(RECALLED, MARK_OVERDUE, OVERDUE, LOANS),
            new Move(ON_LOAN, RECALL, RECALLED, LOANS),
            new Move(RENEWED, RECALL, RECALLED, LOANS),
            new Move(ON_LOAN, DECLARE_LOST, LOST, LOANS),
            new Move(RENEWED, DECLARE_LOST, LOST, LOANS),
            new Move(OVERDUE, DECLARE_LOST, LOST, LOANS),
            new Move(RECALLED, DECLARE_LOST, LOST, LOANS),
            // Return anywhere, then home to the lender.
            new Move(ON_LOAN, RETURN, RETURNED, LOANS),
            new Move(RENEWED, RETURN, RETURNED, LOANS),
            new Move(OVERDUE, RETURN, RETURNED, LOANS),
            new Move(RECALLED, RETURN, RETURNED, LOANS),
            new Move(RETURNED, SEND_HOME, IN_TRANSIT_HOME, LOANS),
            new Move(RETURNED, CHECK_IN, CHECKED_IN, LOANS), // returned at the lender itself
            new Move(IN_TRANSIT_HOME, CHECK_IN, CHECKED_IN, LOANS),
            new Move(IN_TRANSIT_HOME, DECLARE_LOST, LOST, LOANS),
            new Move(CHECKED_IN, COMPLETE, COMPLETED, LOANS));

    private static final Map<Track, Map<RequestState, Map<Action, RequestState>>> INDEX = index(TABLE);

    private Transitions() {}

    /** Where {@code action} leads from {@code from} on {@code track}, or empty when it is not allowed. */
    static Optional<RequestState> next(Track track, RequestState from, Action action) {
        return Optional.ofNullable(INDEX.get(track).get(from).get(action));
    }

    static Set<Action> allowed(Track track, RequestState from) {
        var actions = INDEX.get(track).get(from).keySet();
        return actions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(actions));
    }

    /** Builds the lookup and rejects a table that is ambiguous or lets a request leave a terminal state. */
    private static Map<Track, Map<RequestState, Map<Action, RequestState>>> index(List<Move> moves) {
        var index = new EnumMap<Track, Map<RequestState, Map<Action, RequestState>>>(Track.class);
        for (Track track : Track.values()) {
            var byState = new EnumMap<RequestState, Map<Action, RequestState>>(RequestState.class);
            for (RequestState state : RequestState.values()) {
                byState.put(state, new EnumMap<>(Action.class));
            }
            index.put(track, byState);
        }
        for (Move move : moves) {
            if (move.from().isTerminal()) {
                throw new IllegalStateException("transition table: " + move + " leaves a terminal state");
            }
            for (Track track : move.tracks()) {
                var previous = index.get(track).get(move.from()).put(move.action(), move.to());
                if (previous != null) {
                    throw new IllegalStateException("transition table: two rows for " + move.from() + " + "
                            + move.action() + " on " + track + "; keep one");
                }
            }
        }
        return index;
    }

}
