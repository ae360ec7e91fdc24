package org.tongjie.catalog;

/** Whether a copy can be borrowed now. */
public enum HoldingStatus {
    AVAILABLE,
    ON_LOAN,
    IN_TRANSIT,
    NOT_FOR_LOAN,
    LOST,
    UNKNOWN
}
