package org.tongjie.ill;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what to a request. Staff of a library act for it and for its own service points (a central
 * library's staff for its lockers and kiosks); readers see and act on their own requests only; the
 * network administrator may do everything.
 */
public final class Permissions {
    /** What the lender does. */
    private static final Set<Action> LENDER = EnumSet.of(Action.WILL_SUPPLY, Action.UNFILLED, Action.PICK, Action.SHIP,
            Action.DEPART, Action.RECALL, Action.CHECK_IN, Action.COMPLETE, Action.DECLARE_LOST, Action.RENEW,
            Action.MARK_OVERDUE);
    /** What the pickup point does: receive, lend over the counter or from the locker, expire, send back. */
    private static final Set<Action> PICKUP = EnumSet.of(Action.SHELVE_FOR_PICKUP, Action.LOAN, Action.EXPIRE,
            Action.SEND_HOME, Action.RENEW);
    /** What the reader may do on their own request. */
    private static final Set<Action> READER = EnumSet.of(Action.CANCEL, Action.RENEW);
    /** What the reader's home library may do for its reader. */
    private static final Set<Action> BORROWER = EnumSet.of(Action.CANCEL, Action.RENEW);

    private final Network network;

    public Permissions(Network network) {
        this.network = network;
    }

    /** Staff of {@code staffLibrary} act for {@code libraryId}: the same library, or one of its service points. */
    public boolean actsFor(String staffLibrary, String libraryId) {
        if (staffLibrary.equals(libraryId)) {
            return true;
        }
        return network.library(libraryId).flatMap(NetworkLibrary::parentId).filter(staffLibrary::equals).isPresent();
    }

    public boolean maySee(Principal who, IllRequest r) {
        return switch (who) {
            case Principal.Admin a -> true;
            case Principal.ReaderPrincipal p -> p.reader().cardNumber().equals(r.reader().cardNumber())
                    && p.reader().homeLibraryId().equals(r.reader().homeLibraryId());
            case Principal.Staff s -> parties(r).stream().anyMatch(lib -> actsFor(s.libraryId(), lib));
        };
    }

    /** Route and send-to-lender are the router's: nobody does them by hand. */
    public boolean mayDo(Principal who, Action action, IllRequest r) {
        if (action == Action.ROUTE || action == Action.SEND_TO_LENDER) {
            return false;
        }
        return switch (who) {
            case Principal.Admin a -> true;
            case Principal.ReaderPrincipal p -> maySee(who, r) && READER.contains(action);
            case Principal.Staff s -> staffMay(s.libraryId(), action, r);
        };
    }

    private boolean staffMay(String lib, Action action, IllRequest r) {
        if (action == Action.RETURN) {
            return true; // any service point of the network takes returns (通借通还)
        }
        boolean lender = r.progress().lender().filter(l -> actsFor(lib, l)).isPresent();
        boolean pickup = pickupLibrary(r).filter(l -> actsFor(lib, l)).isPresent();
        boolean returnPoint = r.progress().returnedAt().filter(l -> actsFor(lib, l)).isPresent();
        boolean borrower = actsFor(lib, r.reader().homeLibraryId());
        return (lender && LENDER.contains(action))
                || (pickup && PICKUP.contains(action))
                || (returnPoint && action == Action.SEND_HOME)
                || (borrower && BORROWER.contains(action))
                || (lender && action == Action.LOAN && r.pickup() instanceof Pickup.HomeDelivery); // handed over at the door
    }

    private static Optional<String> pickupLibrary(IllRequest r) {
        return r.pickup() instanceof Pickup.AtServicePoint p ? Optional.of(p.libraryId()) : Optional.empty();
    }

    private static Set<String> parties(IllRequest r) {
        var out = new java.util.HashSet<String>();
        out.add(r.reader().homeLibraryId());
        r.progress().lender().ifPresent(out::add);
        r.progress().returnedAt().ifPresent(out::add);
        pickupLibrary(r).ifPresent(out::add);
        return out;
    }
}
