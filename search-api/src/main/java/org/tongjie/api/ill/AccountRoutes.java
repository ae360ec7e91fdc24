package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.Valid;
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
                .get();
        Reader reader = Valid.of(() -> new Reader(body.cardNumber(), body.homeLibraryId()));
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

    private void mayRegister(Caller.IllCaller caller, String homeLibraryId, String what) {
        if (caller instanceof Caller.IllDesk desk && !ill.permissions().actsFor(desk.libraryId(), homeLibraryId)) {
            throw new NotPermittedException(caller.principal().actor() + " may not " + what + homeLibraryId);
        }
    }

    record KeyBody(String libraryId, String label) {}

    private void issueKey(Context ctx, Caller.NetworkAdmin admin) {
        KeyBody body = ctx.bodyValidator(KeyBody.class)
                .check("libraryId", b -> b.libraryId() != null, "is required: the member library whose desk gets the key")
                .get();
        String key = Valid.of(() -> store.accounts().issueStaffKey(body.libraryId(), body.label()));
        ctx.status(HttpStatus.CREATED).json(Map.of("libraryId", body.libraryId(), "key", key));
    }
}
