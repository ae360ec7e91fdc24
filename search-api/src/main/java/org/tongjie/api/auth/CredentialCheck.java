package org.tongjie.api.auth;

import java.util.Optional;

/**
 * One keeper of credentials (the staff key, the member directory, the ILL accounts): whom a key or a card
 * and PIN belong to, if it knows them.
 */
public interface CredentialCheck {
    default Optional<Caller> byKey(String key) {
        return Optional.empty();
    }

    default Optional<Caller> byCardAndPin(String card, String pin) {
        return Optional.empty();
    }
}
