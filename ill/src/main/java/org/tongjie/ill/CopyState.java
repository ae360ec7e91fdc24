package org.tongjie.ill;

import static java.util.Map.entry;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one copy (member, barcode) is, as the whole network sees it. The moves between states are in
 * {@link #MOVES} and nowhere else; they follow the moves of the request the copy is promised to.
 */
public enum CopyState {
    /** On a shelf: its owner's, or the library it floated to. */
    ON_SHELF,
    /** Promised to one request, not yet sent. */
    RESERVED,
    /** On its way to the request's pickup point (or the reader's door). */
    IN_TRANSIT,
    /** On the pickup point's hold shelf until the hold expires. */
    ON_HOLD_SHELF,
    /** In a smart locker slot until the hold expires. */
    IN_LOCKER,
    /** Lent to a reader until its due date. */
    ON_LOAN,
    /** Returned elsewhere, on its way back to its owner. */
    IN_TRANSIT_HOME,
    /** Not where it should be: lost in transit or by the reader, or not found on the shelf. */
    MISSING;

    private static final Map<CopyState, Set<CopyState>> MOVES = Map.ofEntries(
            entry(ON_SHELF, EnumSet.of(RESERVED, MISSING)),
            entry(RESERVED, EnumSet.of(ON_SHELF, IN_TRANSIT, MISSING)),
            entry(IN_TRANSIT, EnumSet.of(ON_HOLD_SHELF, IN_LOCKER, ON_LOAN, MISSING)),
            entry(ON_HOLD_SHELF, EnumSet.of(ON_LOAN, IN_TRANSIT_HOME, MISSING)),
            entry(IN_LOCKER, EnumSet.of(ON_LOAN, IN_TRANSIT_HOME, MISSING)),
            entry(ON_LOAN, EnumSet.of(ON_LOAN, IN_TRANSIT_HOME, ON_SHELF, MISSING)),
            entry(IN_TRANSIT_HOME, EnumSet.of(ON_SHELF, MISSING)),
            entry(MISSING, EnumSet.of(ON_SHELF)));

    /** Whether a copy in this state may move to {@code to}. */
    public boolean mayMoveTo(CopyState to) {
        return MOVES.get(this).contains(to);
    }

    /** What the catalogue and routing show for a copy in this state. */
    public Availability availability() {
        return switch (this) {
            case ON_SHELF -> Availability.AVAILABLE;
            case RESERVED, ON_HOLD_SHELF, IN_LOCKER -> Availability.RESERVED;
            case IN_TRANSIT, IN_TRANSIT_HOME -> Availability.IN_TRANSIT;
            case ON_LOAN -> Availability.ON_LOAN;
            case MISSING -> Availability.LOST;
        };
    }
}
