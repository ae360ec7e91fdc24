package org.tongjie.ill;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where a request stands besides its state: the lender now being asked, its answer deadline, the pickup
 * hold, the due date, renewals so far and where the item was returned. Derived from the events alone
 * ({@link #after}), and stored beside the state in the same transaction so that queues and jobs query it.
 * Times are kept to the millisecond, as stored.
 *
 * @param rotaPosition the rota line of the current lender; 0 before routing
 */
public record Progress(Optional<String> lender, int rotaPosition, Optional<Instant> respondBy,
                       Optional<Instant> holdUntil, Optional<Instant> due, int renewals,
                       Optional<String> returnedAt) {
    public static final Progress NONE = new Progress(Optional.empty(), 0, Optional.empty(), Optional.empty(),
            Optional.empty(), 0, Optional.empty());

    public Progress {
        Checks.present(lender, "lender");
        respondBy = Checks.present(respondBy, "respond-by").map(Progress::millis);
        holdUntil = Checks.present(holdUntil, "hold-until").map(Progress::millis);
        due = Checks.present(due, "due date").map(Progress::millis);
        Checks.present(returnedAt, "returned at");
    }

    private static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The progress once {@code command} has been applied. */
    Progress after(Command command) {
        return switch (command.details()) {
            case Details.Lender l -> new Progress(Optional.of(l.libraryId()), l.rotaPosition(), Optional.empty(),
                    holdUntil, due, renewals, returnedAt);
            case Details.RespondBy r -> new Progress(lender, rotaPosition, Optional.of(r.deadline()), holdUntil, due,
                    renewals, returnedAt);
            case Details.PickupShelf p -> new Progress(lender, rotaPosition, respondBy, Optional.of(p.holdUntil()), due,
                    renewals, returnedAt);
            case Details.DueDate d -> new Progress(lender, rotaPosition, respondBy, Optional.empty(), Optional.of(d.due()),
                    renewals + (command.action() == Action.RENEW ? 1 : 0), returnedAt);
            case Details.ReturnedAt r -> new Progress(lender, rotaPosition, respondBy, holdUntil, due, renewals,
                    Optional.of(r.point().libraryId()));
            case Details.Shipment s -> this;
            case Details.None n -> command.action() == Action.WILL_SUPPLY || command.action() == Action.UNFILLED
                    ? new Progress(lender, rotaPosition, Optional.empty(), holdUntil, due, renewals, returnedAt)
                    : this;
        };
    }
}
