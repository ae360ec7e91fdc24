package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Function;
import org.tongjie.ill.IllReports;
import org.tongjie.ill.NotPermittedException;
import org.tongjie.ill.Principal;
import org.tongjie.ill.Turnaround;

/**
 * Read-only ILL routes for the pages: a reader's own requests ({@code /api/ill/me}) and the network's
 * statistics for staff ({@code /api/ill/statistics}).
 */
final class IllReportsHttp {
    private final IllReports reports;
    private final CatalogLookup lookup;
    private final Function<Context, Principal> authenticate;

    IllReportsHttp(IllReports reports, CatalogLookup lookup, Function<Context, Principal> authenticate) {
        this.reports = reports;
        this.lookup = lookup;
        this.authenticate = authenticate;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/ill/me", this::me);
        routes.get("/api/ill/statistics", this::statistics);
    }

    record Me(String card, String homeLibraryId, List<IllViews.Summary> requests) {}

    private void me(Context ctx) {
        if (!(authenticate.apply(ctx) instanceof Principal.ReaderPrincipal p)) {
            throw new NotPermittedException("only a reader signed in with card number and PIN has requests of their own");
        }
        var requests = reports.requestsOf(p.reader()).stream().map(IllViews::summary).toList();
        ctx.json(new Me(IllViews.masked(p.reader().cardNumber()), p.reader().homeLibraryId(), requests));
    }

    record ClassLoans(String clcClass, int loans) {}

    record PeriodFill(String period, int requests, int filled, int notFilled, double rate) {}

    record TurnaroundView(int requests, double medianHours, List<Turnaround.Bucket> buckets) {}

    record Statistics(String period, List<ClassLoans> loansByClass, List<PeriodFill> fillRate, TurnaroundView turnaround) {}

    private void statistics(Context ctx) {
        if (authenticate.apply(ctx) instanceof Principal.ReaderPrincipal) {
            throw new NotPermittedException("statistics are for member staff and network administrators");
        }
        IllReports.Period period = period(ctx.queryParam("period"));
        var byClass = new TreeMap<String, Integer>();
        reports.loansByRecord().forEach((record, loans) ->
                byClass.merge(lookup.clcClass(record).orElse(UNCLASSIFIED), loans, Integer::sum));
        var fill = reports.fillRate(period).stream()
                .map(f -> new PeriodFill(f.period(), f.requests(), f.filled(), f.notFilled(), f.rate())).toList();
        Turnaround t = Turnaround.of(reports.turnarounds());
        ctx.json(new Statistics(period.name().toLowerCase(Locale.ROOT),
                byClass.entrySet().stream().map(e -> new ClassLoans(e.getKey(), e.getValue())).toList(), fill,
                new TurnaroundView(t.requests(), t.median().toMinutes() / 60.0, t.buckets())));
    }

    /** Loans of records with no CLC number (or no longer in the catalogue) are counted under this class. */
    static final String UNCLASSIFIED = "-";

    private static IllReports.Period period(String value) {
        if (value == null) {
            return IllReports.Period.DAY;
        }
        try {
            return IllReports.Period.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllHttp.Invalid("period must be day or month, was '" + value + "'");
        }
    }
}
