package org.tongjie.ill;

import java.util.EnumSet;
import java.util.Set;

/** A member library's work lists: which requests wait for this library to do what. */
public enum StaffQueue {
    /** Asked to lend: answer will supply or unfilled. */
    TO_FILL(IllStore.Party.LENDER, EnumSet.of(RequestState.AT_LENDER)),
    /** Will supply or picked: take from the shelf, pack and hand to the courier. */
    TO_SHIP(IllStore.Party.LENDER, EnumSet.of(RequestState.WILL_SUPPLY, RequestState.PICKED)),
    /** On the way to this pickup point: shelve or put into a locker slot on arrival. */
    TO_RECEIVE(IllStore.Party.PICKUP, EnumSet.of(RequestState.SHIPPED, RequestState.IN_TRANSIT)),
    /** Returned here (any service point), to send home to the lender. */
    TO_SEND_HOME(IllStore.Party.RETURN_POINT, EnumSet.of(RequestState.RETURNED)),
    /** Uncollected at this pickup point, to send home to the lender. */
    EXPIRED_AT_PICKUP(IllStore.Party.PICKUP, EnumSet.of(RequestState.EXPIRED_AT_PICKUP)),
    /** Coming home to this lender: check in on arrival. */
    TO_CHECK_IN(IllStore.Party.LENDER, EnumSet.of(RequestState.IN_TRANSIT_HOME)),
    /** Lent by this library and overdue. */
    OVERDUE(IllStore.Party.LENDER, EnumSet.of(RequestState.OVERDUE));

    final IllStore.Party party;
    final Set<RequestState> states;

    StaffQueue(IllStore.Party party, Set<RequestState> states) {
        this.party = party;
        this.states = states;
    }
}
