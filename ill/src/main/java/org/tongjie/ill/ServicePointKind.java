package org.tongjie.ill;

/** What kind of place a member of the network is (the catalogue's directory has the same list). */
public enum ServicePointKind { CENTRAL, BRANCH, KIOSK_24H, SMART_LOCKER, CIRCULATION_POINT, MOBILE_VAN }
