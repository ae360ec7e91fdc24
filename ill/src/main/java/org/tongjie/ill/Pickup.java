package org.tongjie.ill;

/** Where the reader collects the item. */
public sealed interface Pickup {

    /** A place of a member library: a branch desk, a 24-hour self-service kiosk or a smart locker. */
    record AtServicePoint(String libraryId, Kind kind) implements Pickup {
        public AtServicePoint {
            Checks.nonBlank(libraryId, "service point library id");
            Checks.present(kind, "service point kind");
        }
    }

    /** Courier to the reader's door. The address is personal data and is stored with the reader. */
    record HomeDelivery(String address) implements Pickup {
        public HomeDelivery {
            Checks.nonBlank(address, "home delivery address");
        }

        @Override
        public String toString() {
            return "HomeDelivery[address=***]";
        }
    }

    enum Kind { BRANCH, KIOSK_24H, SMART_LOCKER }
}
