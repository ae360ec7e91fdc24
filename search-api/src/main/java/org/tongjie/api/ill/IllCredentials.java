package org.tongjie.api.ill;

import java.util.Optional;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.CredentialCheck;
import org.tongjie.ill.IllAccounts;
import org.tongjie.ill.Principal;

/** The ILL accounts: desk and administrator API keys, readers' card numbers and PINs. */
record IllCredentials(IllAccounts accounts) implements CredentialCheck {
    @Override
    public Optional<Caller> byKey(String key) {
        return accounts.byApiKey(key).map(p -> switch (p) {
            case Principal.Admin a -> new Caller.NetworkAdmin(a.label());
            case Principal.Staff s -> new Caller.IllDesk(s.libraryId(), s.label());
            case Principal.ReaderPrincipal r -> new Caller.IllReader(r.reader());
        });
    }

    @Override
    public Optional<Caller> byCardAndPin(String card, String pin) {
        return accounts.reader(card, pin).map(Caller.IllReader::new);
    }
}
