package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.ProblemException;
import org.tongjie.api.http.Valid;
import org.tongjie.ill.IllAccounts;
import org.tongjie.ill.IllService;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.Language;
import org.tongjie.ill.NotPermittedException;
import org.tongjie.ill.Reader;

/** Readers registered by their library's desk, desk keys issued by the administrator, and the jobs run by hand. */
final class AccountRoutes {
    private final IllService ill;
    private final IllStore store;

    AccountRoutes(IllService ill) {
        this.ill = ill;
        this.store = ill.store();
    }

    void register(RoutesConfig routes, Access access) {
        routes.post("/api/ill/readers", access.needs(Need.illStaff(), this::registerReader));
        routes.post("/api/ill/readers/{card}/unlock", access.needs(Need.illStaff(), this::unlock));
        routes.post("/api/ill/api-keys", access.needs(Need.illAdmin(), this::issueKey));
        routes.post("/api/ill/jobs/run", access.needs(Need.illAdmin(), (ctx, admin) -> ctx.json(ill.runScheduledJobs())));
    }

    /** @param reset true to give a registered card a new PIN (home library, language): an explicit reset */
    record ReaderBody(String cardNumber, String homeLibraryId, String pin, String language, Boolean reset) {}

    /**
     * The desk of the reader's home library (or of the library it belongs to), or the administrator. A reader
     * belongs to their home library: a card already registered is refused (409) unless the body asks for a reset,
     * and only the desks of the card's present home library, or the administrator, may reset it; otherwise any
     * desk could give another library's reader its own PIN and borrow as them.
     */
    private void registerReader(Context ctx, Caller.IllCaller caller) {
        ReaderBody body = ctx.bodyValidator(ReaderBody.class)
                .check("cardNumber", b -> b.cardNumber() != null, "is required")
                .check("homeLibraryId", b -> b.homeLibraryId() != null, "is required")
                .check("pin", b -> b.pin() != null, "is required: 4 to 12 digits")
                .check("language", b -> b.language() == null || b.language().matches("(?i)zh|en"), "is zh or en")
                .get();
        Reader reader = Valid.of(() -> new Reader(IllAccounts.checkCardNumber(body.cardNumber()),
                libraryId("homeLibraryId", body.homeLibraryId())));
        mayRegister(caller, reader.homeLibraryId(), "register readers of ");
        boolean reset = Boolean.TRUE.equals(body.reset());
        var registered = store.accounts().homeLibraryOf(reader.cardNumber());
        if (registered.isPresent() && reset) {
            mayRegister(caller, registered.get(), "reset the cards of readers of ");
        }
        Valid.of(() -> {
            store.accounts().registerReader(reader, body.pin(), Language.of(body.language()), reset);
            return reader;
        });
        ctx.status(reset && registered.isPresent() ? HttpStatus.OK : HttpStatus.CREATED).json(Map.of("cardNumber", body.cardNumber(), "homeLibraryId", body.homeLibraryId()));
    }

    /**
     * Lets a card locked after wrong PINs sign in again: the desk of the reader's home library (which has
     * seen the reader), or the administrator.
     */
    private void unlock(Context ctx, Caller.IllCaller caller) {
        String card = Valid.of(() -> IllAccounts.checkCardNumber(ctx.pathParam("card")));
        String home = store.accounts().homeLibraryOf(card)
                .orElseThrow(() -> ProblemException.notFound("no reader with card " + card + " is registered"));
        mayRegister(caller, home, "unlock the cards of readers of ");
        store.accounts().unlock(card, caller.principal().actor());
        ctx.json(Map.of("cardNumber", card, "homeLibraryId", home, "locked", false));
    }

    /** A library id as the hub's member directory has them: 1 to 64 letters, digits, dots, dashes, underscores. */
    private static String libraryId(String field, String value) {
        if (!LIBRARY_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": a library id is 1 to 64 letters, digits, dots, dashes or"
                    + " underscores, was '" + (value.length() > 70 ? value.substring(0, 64) + "…" : value) + "'");
        }
        return value;
    }

    private static final java.util.regex.Pattern LIBRARY_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_LABEL = 200;

    private void mayRegister(Caller.IllCaller caller, String homeLibraryId, String what) {
        if (caller instanceof Caller.IllDesk desk && !ill.permissions().actsFor(desk.libraryId(), homeLibraryId)) {
            throw new NotPermittedException(caller.principal().actor() + " may not " + what + homeLibraryId);
        }
    }

    record KeyBody(String libraryId, String label) {}

    private void issueKey(Context ctx, Caller.NetworkAdmin admin) {
        KeyBody body = ctx.bodyValidator(KeyBody.class)
                .check("libraryId", b -> b.libraryId() != null, "is required: the member library whose desk gets the key")
                .check("label", b -> b.label() == null || b.label().length() <= MAX_LABEL, "is at most " + MAX_LABEL + " characters")
                .get();
        Valid.of(() -> libraryId("libraryId", body.libraryId()));
        String key = Valid.of(() -> store.accounts().issueStaffKey(body.libraryId(), body.label()));
        ctx.status(HttpStatus.CREATED).json(Map.of("libraryId", body.libraryId(), "key", key));
    }
}
