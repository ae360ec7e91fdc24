package org.tongjie.ill;

/**
 * The path a request can take, fixed by its service type and pickup. The transition table is one table
 * whose rows say which tracks they serve: a copy skips the loan and return states, and a home delivery
 * starts its loan at the door instead of at a pickup shelf.
 */
enum Track {
    LOAN_AT_SERVICE_POINT, LOAN_HOME_DELIVERY, COPY;

    static Track of(ServiceType type, Pickup pickup) {
        if (type == ServiceType.COPY) {
            return COPY;
        }
        return pickup instanceof Pickup.HomeDelivery ? LOAN_HOME_DELIVERY : LOAN_AT_SERVICE_POINT;
    }
}
