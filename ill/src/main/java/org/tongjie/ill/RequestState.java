package org.tongjie.ill;

/** Where a request stands. The moves between states are in {@link Transitions}, and nowhere else. */
public enum RequestState {
    REQUESTED, ON_HOLD, ROUTED, AT_LENDER, WILL_SUPPLY, UNFILLED, PICKED, SHIPPED, IN_TRANSIT, READY_FOR_PICKUP,
    ON_LOAN, RENEWED, RETURNED, IN_TRANSIT_HOME, CHECKED_IN, COMPLETED, CANCELLED, EXPIRED_AT_PICKUP,
    OVERDUE, RECALLED, LOST;

    /** No action leads out of a terminal state; the table's self-check enforces it. */
    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED || this == LOST;
    }
}
