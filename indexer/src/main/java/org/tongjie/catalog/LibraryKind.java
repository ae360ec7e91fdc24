package org.tongjie.catalog;

/** What kind of service point a member of the network is; readers pick up and return at any of them. */
public enum LibraryKind {
    CENTRAL,
    BRANCH,
    KIOSK_24H,
    SMART_LOCKER,
    CIRCULATION_POINT,
    MOBILE_VAN
}
