package org.tongjie.ill;

/**
 * Who asked: personal data, stored apart from the request (its own table) so that it can be
 * access-controlled and purged on its own once the request is closed, while the request and its events
 * stay for statistics.
 */
public record Reader(String cardNumber, String homeLibraryId) {
    public Reader {
        Checks.nonBlank(cardNumber, "reader card number");
        Checks.nonBlank(homeLibraryId, "reader home library id");
    }

    /** Masks the card number so that logging a request never leaks it. */
    @Override
    public String toString() {
        return "Reader[card=" + masked(cardNumber) + ", homeLibraryId=" + homeLibraryId + "]";
    }

    /** A card number as logs show it: its last four characters. */
    static String masked(String cardNumber) {
        return "****" + (cardNumber.length() <= 4 ? "" : cardNumber.substring(cardNumber.length() - 4));
    }
}
