package org.tongjie.api.ill;

import java.util.Optional;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.CredentialCheck;
import org.tongjie.api.http.ProblemCode;
import org.tongjie.api.http.ProblemException;
import org.tongjie.ill.IllAccounts;
import org.tongjie.ill.Principal;
import org.tongjie.ill.SignIn;

/**
 * The ILL accounts: desk and administrator API keys, readers' card numbers and PINs. A card that must wait
 * after failed sign-ins answers 429 with Retry-After, a locked one 423; neither had its PIN checked.
 */
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
        return switch (accounts.signIn(card, pin)) {
            case SignIn.Accepted a -> Optional.of(new Caller.IllReader(a.reader()));
            case SignIn.Refused r -> Optional.empty();
            case SignIn.Wait w -> throw ProblemException.tooManyRequests("too many wrong PINs for this card in a row"
                    + " (the tenth in a row locks it)", w.retryAfter());
            case SignIn.Locked l -> throw new ProblemException(ProblemCode.LOCKED, "this card is locked after too many"
                    + " wrong PINs in a row; the reader's home library desk can unlock it");
        };
    }
}
