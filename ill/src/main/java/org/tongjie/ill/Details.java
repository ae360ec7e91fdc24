package org.tongjie.ill;

import java.time.Instant;

/** The facts an action records besides its name: which courier, which locker slot, which due date. */
public sealed interface Details {

    /** The action needs nothing more than its name. */
    record None() implements Details {}

    /** The lender on the rota that the request goes to now. */
    record Lender(int rotaPosition, String libraryId) implements Details {
        public Lender {
            if (rotaPosition < 1) {
                throw new IllegalArgumentException("rota position must be 1 or more, was " + rotaPosition);
            }
            Checks.nonBlank(libraryId, "lender library id");
        }
    }

    /** The lender must answer (will supply or unfilled) by then, or the rota moves on. */
    record RespondBy(Instant deadline) implements Details {
        public RespondBy {
            Checks.present(deadline, "answer deadline");
        }
    }

    record Shipment(String courier, String waybill) implements Details {
        public Shipment {
            Checks.nonBlank(courier, "courier");
            Checks.nonBlank(waybill, "waybill number");
        }
    }

    /** Put on the hold shelf or into a locker slot, kept for the reader until {@code holdUntil}. */
    record PickupShelf(String slot, Instant holdUntil) implements Details {
        public PickupShelf {
            Checks.nonBlank(slot, "pickup slot");
            Checks.present(holdUntil, "hold-until time");
        }
    }

    record DueDate(Instant due) implements Details {
        public DueDate {
            Checks.present(due, "due date");
        }
    }

    /** Returned at any service point of the network (通借通还), not necessarily the lender's. */
    record ReturnedAt(Pickup.AtServicePoint point) implements Details {
        public ReturnedAt {
            Checks.present(point, "return service point");
        }
    }
}
