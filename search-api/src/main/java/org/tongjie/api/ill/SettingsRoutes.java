package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.Valid;
import org.tongjie.ill.IllService;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.LendingPolicy;
import org.tongjie.ill.LibrarySettings;

/**
 * A member library's ILL settings over HTTP, for its staff and the network administrator. PUT takes any of
 * the fields; those left out keep their current values. Periods are whole days (the lender's answer time
 * whole hours), as staff set them.
 */
final class SettingsRoutes {
    private final IllService ill;
    private final IllStore store;

    SettingsRoutes(IllService ill) {
        this.ill = ill;
        this.store = ill.store();
    }

    void register(RoutesConfig routes, Access access) {
        var staffOfLibrary = Need.illStaffOf("library", (desk, library) -> ill.permissions().actsFor(desk, library));
        routes.get("/api/ill/libraries/{library}/settings", access.needs(staffOfLibrary, this::show));
        routes.put("/api/ill/libraries/{library}/settings", access.needs(staffOfLibrary, this::change));
    }

    record SettingsView(String libraryId, boolean lending, Optional<Integer> quota, long loanDays, int maxRenewals,
            long renewalDays, long recallDays, long holdDays, long responseHours) {
        static SettingsView of(String libraryId, LibrarySettings s) {
            LendingPolicy p = s.policy();
            return new SettingsView(libraryId, s.lending(),
                    s.quota().isPresent() ? Optional.of(s.quota().getAsInt()) : Optional.empty(),
                    p.loanPeriod().toDays(), p.maxRenewals(), p.renewalPeriod().toDays(), p.recallPeriod().toDays(),
                    p.holdPeriod().toDays(), p.responseTime().toHours());
        }
    }

    /** {@code quota}: a number, or -1 for none; absent keeps the current one. */
    record SettingsBody(Boolean lending, Integer quota, Integer loanDays, Integer maxRenewals, Integer renewalDays,
            Integer recallDays, Integer holdDays, Integer responseHours) {}

    private void show(Context ctx, Caller.IllCaller caller) {
        String library = ctx.pathParam("library");
        ctx.json(SettingsView.of(library, store.settings().of(library)));
    }

    private void change(Context ctx, Caller.IllCaller caller) {
        String library = ctx.pathParam("library");
        SettingsBody b = ctx.bodyValidator(SettingsBody.class)
                .check("quota", x -> within(x.quota(), -1, 10_000), "is -1 (no quota) or a number of loans from 0 to 10000")
                .check("loanDays", x -> within(x.loanDays(), 1, 365), "must be a positive number of days, at most 365")
                .check("maxRenewals", x -> within(x.maxRenewals(), 0, 20), "is 0 to 20 renewals")
                .check("renewalDays", x -> within(x.renewalDays(), 1, 365), "must be a positive number of days, at most 365")
                .check("recallDays", x -> within(x.recallDays(), 1, 365), "must be a positive number of days, at most 365")
                .check("holdDays", x -> within(x.holdDays(), 1, 90), "must be a positive number of days, at most 90")
                .check("responseHours", x -> within(x.responseHours(), 1, 720), "must be a positive number of hours, at most 720 (30 days)")
                .get();
        LibrarySettings now = store.settings().of(library);
        LendingPolicy p = now.policy();
        LibrarySettings next = Valid.of(() -> new LibrarySettings(
                Optional.ofNullable(b.lending()).orElse(now.lending()),
                b.quota() == null ? now.quota() : b.quota() == -1 ? OptionalInt.empty() : OptionalInt.of(b.quota()),
                new LendingPolicy(days(b.loanDays(), p.loanPeriod()),
                        Optional.ofNullable(b.maxRenewals()).orElse(p.maxRenewals()),
                        days(b.renewalDays(), p.renewalPeriod()), days(b.recallDays(), p.recallPeriod()),
                        days(b.holdDays(), p.holdPeriod()),
                        b.responseHours() == null ? p.responseTime() : Duration.ofHours(b.responseHours()))));
        store.settings().save(library, next, caller.principal().actor());
        ctx.json(SettingsView.of(library, next));
    }

    /** A field left out keeps its value; one sent must lie within the bounds (a 2,147,483,647-day loan is a typo). */
    private static boolean within(Integer given, int min, int max) {
        return given == null || given >= min && given <= max;
    }

    private static Duration days(Integer given, Duration current) {
        return given == null ? current : Duration.ofDays(given);
    }
}
