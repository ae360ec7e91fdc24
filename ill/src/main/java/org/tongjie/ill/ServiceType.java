package org.tongjie.ill;

/** What the lender supplies. */
public enum ServiceType {
    /** The item itself, lent and returned. */
    LOAN,
    /** Document delivery: a copy the reader keeps, so there is no loan, return or transit home. */
    COPY
}
