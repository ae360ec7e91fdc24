package org.tongjie.api.ill;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.ProblemException;
import org.tongjie.ill.IllReports;
import org.tongjie.ill.Turnaround;

/**
 * Read-only ILL routes for the pages: a reader's own requests ({@code /api/ill/me}) and the network's
 * statistics for staff ({@code /api/ill/statistics}).
 */
final class IllReportsHttp {
    private final IllReports reports;
    private final CatalogLookup lookup;

    IllReportsHttp(IllReports reports, CatalogLookup lookup) {
        this.reports = reports;
        this.lookup = lookup;
    }

    void register(RoutesConfig routes, Access access) {
        routes.get("/api/ill/me", access.needs(Need.illReader(), this::me));
        routes.get("/api/ill/statistics", access.needs(Need.illStaff(), this::statistics));
        routes.get("/api/ill/statistics/export", access.needs(Need.illStaff(), this::export));
    }

    record Me(String card, String homeLibraryId, List<IllViews.Summary> requests) {}

    private void me(Context ctx, Caller.IllReader p) {
        var requests = reports.requestsOf(p.reader()).stream().map(IllViews::summary).toList();
        ctx.json(new Me(IllViews.masked(p.reader().cardNumber()), p.reader().homeLibraryId(), requests));
    }

    record ClassLoans(String clcClass, int loans) {}

    record PeriodFill(String period, int requests, int filled, int notFilled, double rate) {}

    record TurnaroundView(int requests, double medianHours, List<Turnaround.Bucket> buckets) {}

    record Statistics(String period, List<ClassLoans> loansByClass, List<PeriodFill> fillRate, TurnaroundView turnaround,
            List<IllReports.LenderCount> byLender, List<IllReports.BorrowerCount> byBorrower,
            List<IllReports.TitleCount> topTitles) {}

    /** How many of the most requested titles the statistics list. */
    static final int TOP_TITLES = 20;

    private void statistics(Context ctx, Caller.IllCaller staff) {
        IllReports.Period period = period(ctx.queryParam("period"));
        Turnaround t = Turnaround.of(reports.turnarounds());
        ctx.json(new Statistics(period.name().toLowerCase(Locale.ROOT), loansByClass(), fillRate(period),
                new TurnaroundView(t.requests(), t.median().toMinutes() / 60.0, t.buckets()),
                reports.byLender(), reports.byBorrower(), reports.topTitles(TOP_TITLES)));
    }

    private List<ClassLoans> loansByClass() {
        var byClass = new TreeMap<String, Integer>();
        reports.loansByRecord().forEach((record, loans) ->
                byClass.merge(lookup.clcClass(record).orElse(UNCLASSIFIED), loans, Integer::sum));
        return byClass.entrySet().stream().map(e -> new ClassLoans(e.getKey(), e.getValue())).toList();
    }

    private List<PeriodFill> fillRate(IllReports.Period period) {
        return reports.fillRate(period).stream()
                .map(f -> new PeriodFill(f.period(), f.requests(), f.filled(), f.notFilled(), f.rate())).toList();
    }

    /** Columns in the order the row record declares them, as in the JSON (CsvMapper sorts them by default). */
    private static final CsvMapper CSV = CsvMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    /** One table of the statistics as CSV (UTF-8, a header row), for a spreadsheet. */
    private void export(Context ctx, Caller.IllCaller staff) throws IOException {
        String table = Optional.ofNullable(ctx.queryParam("table")).orElse("");
        IllReports.Period period = period(ctx.queryParam("period"));
        byte[] csv = switch (table) {
            case "lenders" -> csv(IllReports.LenderCount.class, reports.byLender());
            case "borrowers" -> csv(IllReports.BorrowerCount.class, reports.byBorrower());
            case "titles" -> csv(IllReports.TitleCount.class, reports.topTitles(Integer.MAX_VALUE));
            case "loans-by-class" -> csv(ClassLoans.class, loansByClass());
            case "fill-rate" -> csv(PeriodFill.class, fillRate(period));
            default -> throw ProblemException.invalid("table must be lenders, borrowers, titles, loans-by-class or fill-rate, was '"
                    + table + "'");
        };
        ctx.header("Content-Disposition", "attachment; filename=\"ill-" + table + ".csv\"");
        ctx.contentType("text/csv; charset=UTF-8").result(csv);
    }

    private static <T> byte[] csv(Class<T> row, List<T> rows) throws IOException {
        return CSV.writer(CSV.schemaFor(row).withHeader()).writeValueAsBytes(rows);
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
            throw ProblemException.invalid("period must be day or month, was '" + value + "'");
        }
    }
}
