package org.tongjie.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tongjie.api.http.ProblemException;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.Library;
import org.tongjie.indexer.Catalog;
import org.tongjie.live.LivePage;
import org.tongjie.live.LiveSearch;
import org.tongjie.search.Facet;
import org.tongjie.search.FacetCount;
import org.tongjie.search.QueryTooLargeException;
import org.tongjie.search.SearchField;
import org.tongjie.search.SearchPage;
import org.tongjie.search.SearchRequest;
import org.tongjie.search.SortOrder;
import org.tongjie.search.Suggestion;

/**
 * {@code GET /api/search}: the reader's query over every member's records, narrowed by any number of
 * {@code facet=dim:value} parameters (values of one dimension OR-ed, dimensions AND-ed) and by the
 * advanced form's fields ({@code title=}, {@code author=}, {@code year=1990-2000}…, each required; empty
 * ones ignored, as a form sends them), ordered by {@code sort}, with each hit's holdings nearest first from
 * {@code near} (a member library's id or {@code LAT,LON}). With {@code live=true} the live members are
 * searched over Z39.50 as well, their hits beside the local page. {@code GET /api/suggest}: titles and
 * authors for what a reader has typed so far.
 */
final class SearchController {
    private static final int MAX_SUGGESTIONS = 20;
    private static final Pattern LAT_LON = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)");
    private final Catalog catalog;
    private final LiveSearch live;
    private final java.util.function.UnaryOperator<org.tongjie.search.SearchHit> copyStates;

    /** @param copyStates each hit's copies as interlibrary loan has them now (promised and lent copies are not on the shelf) */
    SearchController(Catalog catalog, java.util.function.UnaryOperator<org.tongjie.search.SearchHit> copyStates) {
        this.catalog = catalog;
        this.live = LiveSearch.over(catalog.libraries()::all);
        this.copyStates = copyStates;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        var paging = Paging.of(ctx, 20);
        var filters = filters(ctx);
        boolean withLive = live(ctx);
        SearchPage page = withLibraryNames(search(request(q, fields(ctx), filters, sort(ctx), near(ctx), paging)));
        ctx.json(withLive ? LivePage.of(page, live.search(q, fields(ctx))) : page);
    }

    /** Suggestions for the start of a title or author, in characters or pinyin ({@code size} 1-20, 8 unless said). */
    void suggest(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        int size = ctx.queryParamAsClass("size", Integer.class).getOrDefault(8);
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw ProblemException.invalid("size must be between 1 and " + MAX_SUGGESTIONS + ", was " + size);
        }
        ctx.json(new SuggestAnswer(q, catalog.search().suggest(q, size)));
    }

    /** The answer of {@code /api/suggest}: what was typed and what may complete it, best first. */
    record SuggestAnswer(String query, List<Suggestion> suggestions) {}

    /** The request, or a 400 saying which value cannot be searched (a year that is none, nearest with no position). */
    private static SearchRequest request(String q, Map<SearchField, String> fields, Map<Facet, Set<String>> filters,
            SortOrder sort, Optional<Coordinates> near, Paging paging) {
        try {
            return new SearchRequest(q, fields, filters, sort, near, paging.page(), paging.size());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e.getMessage());
        }
    }

    private SearchPage search(SearchRequest request) {
        try {
            return catalog.search().page(request);
        } catch (QueryTooLargeException e) {
            throw ProblemException.invalid(e.getMessage());
        }
    }

    /** The advanced form's boxes that were filled in. */
    private static Map<SearchField, String> fields(Context ctx) {
        var fields = new EnumMap<SearchField, String>(SearchField.class);
        for (SearchField f : SearchField.values()) {
            String value = ctx.queryParam(f.key());
            if (value != null && !value.isBlank()) {
                fields.put(f, value);
            }
        }
        return fields;
    }

    private static SortOrder sort(Context ctx) {
        String sort = ctx.queryParam("sort");
        if (sort == null || sort.isEmpty()) {
            return SortOrder.RELEVANCE;
        }
        return SortOrder.byKey(sort).orElseThrow(() -> ProblemException.invalid(
                "unknown sort '" + sort + "'; known: " + SortOrder.keys()));
    }

    /** {@code near=LIBRARY_ID} (a member with a known position) or {@code near=LAT,LON} in degrees. */
    private Optional<Coordinates> near(Context ctx) {
        String near = ctx.queryParam("near");
        if (near == null || near.isBlank()) {
            return Optional.empty();
        }
        Matcher point = LAT_LON.matcher(near.strip());
        if (point.matches()) {
            try {
                return Optional.of(new Coordinates(Double.parseDouble(point.group(1)), Double.parseDouble(point.group(2))));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("near: " + e.getMessage());
            }
        }
        Library library = catalog.libraries().get(near).orElseThrow(() -> ProblemException.invalid(
                "near must be a member library's id or LAT,LON; no member library '" + near + "'"));
        return Optional.of(library.coordinates().orElseThrow(() -> ProblemException.invalid(
                "near: the directory has no position for library '" + near + "'; give LAT,LON instead")));
    }

    /** Strictly true or false: Javalin's own conversion reads any other word, a typo too, as false. */
    private static boolean live(Context ctx) {
        String live = ctx.queryParam("live");
        if (live == null || live.equals("false")) {
            return false;
        }
        if (live.equals("true")) {
            return true;
        }
        throw ProblemException.invalid("live must be true or false, was '" + live + "'");
    }

    private static Map<Facet, Set<String>> filters(Context ctx) {
        var filters = new EnumMap<Facet, Set<String>>(Facet.class);
        for (String param : ctx.queryParams("facet")) {
            int colon = param.indexOf(':');
            if (colon <= 0 || colon == param.length() - 1) {
                throw ProblemException.invalid("facet must be dim:value, e.g. facet=format:BOOK, was '" + param + "'");
            }
            String dim = param.substring(0, colon);
            Facet facet = Facet.byDim(dim).orElseThrow(() -> ProblemException.invalid("unknown facet '" + dim
                    + "'; known: " + Arrays.stream(Facet.values()).map(Facet::dim).collect(Collectors.joining(", "))));
            filters.computeIfAbsent(facet, f -> new LinkedHashSet<>()).add(param.substring(colon + 1));
        }
        return filters;
    }

    /** Library facet values are member ids; readers see the library's name. */
    private SearchPage withLibraryNames(SearchPage page) {
        Map<String, String> names = catalog.libraries().all().stream().collect(Collectors.toMap(Library::id, Library::nameZh));
        var facets = page.facets().stream().map(f -> !f.dim().equals(Facet.LIBRARY.dim()) ? f
                : new FacetCount(f.dim(), f.values().stream().map(v -> new FacetCount.Value(v.value(),
                        Optional.ofNullable(names.get(v.value())), v.count(), v.selected())).toList()))
                .toList();
        return new SearchPage(page.total(), page.page(), page.size(), page.hits().stream().map(copyStates).toList(), facets);
    }
}
