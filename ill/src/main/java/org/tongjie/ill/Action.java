package org.tongjie.ill;

/** The name of a move in {@link Transitions}, with the kind of details a {@link Command} must carry. */
public enum Action {
    ROUTE(Details.Lender.class),
    SEND_TO_LENDER(Details.RespondBy.class),
    /** No copy is free: the request waits in the title's holds queue until one comes back. */
    HOLD(Details.None.class),
    WILL_SUPPLY(Details.None.class),
    UNFILLED(Details.None.class),
    PICK(Details.None.class),
    SHIP(Details.Shipment.class),
    /** The courier has collected the parcel; the "in transit" begins. */
    DEPART(Details.None.class),
    SHELVE_FOR_PICKUP(Details.PickupShelf.class),
    LOAN(Details.DueDate.class),
    RENEW(Details.DueDate.class),
    RETURN(Details.ReturnedAt.class),
    SEND_HOME(Details.None.class),
    CHECK_IN(Details.None.class),
    COMPLETE(Details.None.class),
    CANCEL(Details.None.class),
    EXPIRE(Details.None.class),
    MARK_OVERDUE(Details.None.class),
    /** The lender wants the item back early: the new, earlier due date. */
    RECALL(Details.DueDate.class),
    DECLARE_LOST(Details.None.class);

    private final Class<? extends Details> detailsType;

    Action(Class<? extends Details> detailsType) {
        this.detailsType = detailsType;
    }

    public Class<? extends Details> detailsType() {
        return detailsType;
    }
}
