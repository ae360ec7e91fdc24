package org.tongjie.ill;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the copy promised to a request follows the request's moves: shipped is in transit, shelved for
 * pickup is on the hold shelf or in a locker slot, lent is on loan, sent home is in transit home, checked
 * in is on a shelf again (released from the request), lost is missing. Moves that leave the copy where it
 * is (depart, overdue, expire) give nothing.
 */
final class CopyMoves {
    private CopyMoves() {}

    /**
     * @param shelf     where a checked-in copy now sits (the return desk's library when it floats), else its owner
     * @param shipment  the courier and waybill of a copy sent home
     */
    record Extras(Optional<String> shelf, Optional<Details.Shipment> shipment) {
        static final Extras NONE = new Extras(Optional.empty(), Optional.empty());
    }

    static Optional<Copies.Move> follow(Copy copy, IllRequest r, Command command, Extras extras) {
        OptionalLong id = OptionalLong.of(r.id());
        String shelf = copy.shelfLibrary();
        return switch (command.details()) {
            case Details.Shipment s when command.action() == Action.SHIP -> Optional.of(new Copies.Move(CopyState.IN_TRANSIT,
                    id, shelf, Optional.of(destination(r)), Optional.empty(), Optional.of(s)));
            case Details.PickupShelf p -> Optional.of(new Copies.Move(locker(r) ? CopyState.IN_LOCKER : CopyState.ON_HOLD_SHELF,
                    id, destination(r), Optional.of(p.slot()), Optional.of(p.holdUntil()), Optional.empty()));
            case Details.DueDate d -> Optional.of(new Copies.Move(CopyState.ON_LOAN, id, shelf,
                    Optional.of(r.reader().homeLibraryId()), Optional.of(d.due()), Optional.empty()));
            default -> switch (command.action()) {
                case UNFILLED, CANCEL -> copy.state() == CopyState.RESERVED ? released(shelf) : Optional.empty();
                case SEND_HOME -> Optional.of(new Copies.Move(CopyState.IN_TRANSIT_HOME, id, copy.libraryId(),
                        Optional.of(copy.libraryId()), Optional.empty(), extras.shipment()));
                case CHECK_IN -> released(extras.shelf().orElse(copy.libraryId()));
                case DECLARE_LOST -> Optional.of(new Copies.Move(CopyState.MISSING, OptionalLong.empty(), shelf,
                        Optional.empty(), Optional.empty(), Optional.empty()));
                default -> Optional.empty();
            };
        };
    }

    private static Optional<Copies.Move> released(String shelf) {
        return Optional.of(new Copies.Move(CopyState.ON_SHELF, OptionalLong.empty(), shelf, Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    private static boolean locker(IllRequest r) {
        return r.pickup() instanceof Pickup.AtServicePoint p && p.kind() == Pickup.Kind.SMART_LOCKER;
    }

    /** The pickup point, or "HOME" for a courier to the reader's door (the address is not copied here). */
    static String destination(IllRequest r) {
        return r.pickup() instanceof Pickup.AtServicePoint p ? p.libraryId() : "HOME";
    }
}
