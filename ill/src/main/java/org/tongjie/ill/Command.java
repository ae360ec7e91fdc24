package org.tongjie.ill;

import java.time.Instant;

/** An action with its details, checked to match when built so that a SHIP always has a waybill. */
public record Command(Action action, Details details) {
    public Command {
        Checks.present(action, "action");
        Checks.present(details, "details");
        if (!action.detailsType().isInstance(details)) {
            throw new IllegalArgumentException(action + " needs " + action.detailsType().getSimpleName()
                    + " details, got " + details + "; build it with the Command factory for " + action);
        }
    }

    /** An action that needs no details, such as ROUTE or CHECK_IN. */
    public static Command of(Action action) {
        return new Command(action, new Details.None());
    }

    public static Command route(int rotaPosition, String lenderLibraryId) {
        return new Command(Action.ROUTE, new Details.Lender(rotaPosition, lenderLibraryId));
    }

    public static Command sendToLender(Instant answerBy) {
        return new Command(Action.SEND_TO_LENDER, new Details.RespondBy(answerBy));
    }

    public static Command ship(String courier, String waybill) {
        return new Command(Action.SHIP, new Details.Shipment(courier, waybill));
    }

    public static Command shelveForPickup(String slot, Instant holdUntil) {
        return new Command(Action.SHELVE_FOR_PICKUP, new Details.PickupShelf(slot, holdUntil));
    }

    public static Command loan(Instant due) {
        return new Command(Action.LOAN, new Details.DueDate(due));
    }

    public static Command renew(Instant newDue) {
        return new Command(Action.RENEW, new Details.DueDate(newDue));
    }

    public static Command recall(Instant newDue) {
        return new Command(Action.RECALL, new Details.DueDate(newDue));
    }

    public static Command returnAt(Pickup.AtServicePoint point) {
        return new Command(Action.RETURN, new Details.ReturnedAt(point));
    }
}
