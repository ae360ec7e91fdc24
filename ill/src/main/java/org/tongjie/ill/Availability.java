package org.tongjie.ill;

/** Whether a copy can go out now (the catalogue's holding status, and ILL's own copy states, as ILL sees it). */
public enum Availability { AVAILABLE, RESERVED, ON_LOAN, IN_TRANSIT, NOT_FOR_LOAN, LOST, UNKNOWN }
