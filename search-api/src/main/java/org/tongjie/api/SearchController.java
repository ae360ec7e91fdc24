package org.tongjie.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongjie.catalog.Library;
import org.tongjie.index.Facet;
import org.tongjie.index.FacetCount;
import org.tongjie.index.SearchPage;
import org.tongjie.indexer.Catalog;
import org.tongjie.live.LivePage;
import org.tongjie.live.LiveSearch;

/**
 * {@code GET /api/search}: the reader's query over every member's records, narrowed by any number of
 * {@code facet=dim:value} parameters (values of one dimension OR-ed, dimensions AND-ed). With
 * {@code live=true} the live members are searched over Z39.50 as well, their hits beside the local page.
 */
final class SearchController {
    private final Catalog catalog;
    private final LiveSearch live;

    SearchController(Catalog catalog) {
        this.catalog = catalog;
        this.live = LiveSearch.over(catalog::libraries);
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        var paging = Paging.of(ctx, 20);
        var filters = filters(ctx);
        boolean withLive = live(ctx);
        SearchPage page = withLibraryNames(catalog.search(q, filters, paging.page(), paging.size()));
        ctx.json(withLive ? LivePage.of(page, live.search(q)) : page);
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
        throw new BadRequestException("live must be true or false, was '" + live + "'");
    }

    private static Map<Facet, Set<String>> filters(Context ctx) {
        var filters = new EnumMap<Facet, Set<String>>(Facet.class);
        for (String param : ctx.queryParams("facet")) {
            int colon = param.indexOf(':');
            if (colon <= 0 || colon == param.length() - 1) {
                throw new BadRequestException("facet must be dim:value, e.g. facet=format:BOOK, was '" + param + "'");
            }
            String dim = param.substring(0, colon);
            Facet facet = Facet.byDim(dim).orElseThrow(() -> new BadRequestException("unknown facet '" + dim
                    + "'; known: " + Arrays.stream(Facet.values()).map(Facet::dim).collect(Collectors.joining(", "))));
            filters.computeIfAbsent(facet, f -> new LinkedHashSet<>()).add(param.substring(colon + 1));
        }
        return filters;
    }

    /** Library facet values are member ids; readers see the library's name. */
    private SearchPage withLibraryNames(SearchPage page) {
        Map<String, String> names = catalog.libraries().stream().collect(Collectors.toMap(Library::id, Library::nameZh));
        var facets = page.facets().stream().map(f -> !f.dim().equals(Facet.LIBRARY.dim()) ? f
                : new FacetCount(f.dim(), f.values().stream().map(v -> new FacetCount.Value(v.value(),
                        Optional.ofNullable(names.get(v.value())), v.count(), v.selected())).toList()))
                .toList();
        return new SearchPage(page.total(), page.page(), page.size(), page.hits(), facets);
    }
}
