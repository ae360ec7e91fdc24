package org.tongjie.index.lucene;

import org.tongjie.search.FacetCount;
import org.tongjie.search.SearchPage;
import org.tongjie.search.SearchRequest;
import org.tongjie.search.SortOrder;
import org.tongjie.search.Suggestion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongjie.catalog.Coordinates;

/**
 * Readers repeat queries (the same title, the same facet clicks, the next page), so pages, facet counts
 * and suggestions are kept until the searcher next refreshes. Every key holds the version of the index
 * reader it was computed on as well: a search still running on the old searcher when a refresh lands
 * stores its answer under the old version, where no later search looks. Facet counts are kept apart from
 * pages: the next page, another order or another position reuses them.
 */
final class SearchCache {
    /** Pages are weighed by their hits: at a few kilobytes a hit with its copies, about 100 MB at most. */
    private static final int MAX_CACHED_HITS = 50_000;
    private static final int MAX_FACETS = 2_000;
    private static final int MAX_SUGGESTIONS = 10_000;

    private record PageKey(long version, SearchRequest.Matching matching, SortOrder sort, Optional<Coordinates> near,
            int page, int size) {}

    private record FacetKey(long version, SearchRequest.Matching matching) {}

    private record SuggestKey(long version, String typed, int size) {}

    private final Cache<PageKey, SearchPage> pages = Caffeine.newBuilder().maximumWeight(MAX_CACHED_HITS)
            .<PageKey, SearchPage>weigher((key, page) -> 1 + page.hits().size()).recordStats().build();
    private final Cache<FacetKey, List<FacetCount>> facets = Caffeine.newBuilder().maximumSize(MAX_FACETS).build();
    private final Cache<SuggestKey, List<Suggestion>> suggestions = Caffeine.newBuilder().maximumSize(MAX_SUGGESTIONS).build();

    SearchPage page(long version, SearchRequest r, Supplier<SearchPage> search) {
        // The position orders only the nearest sort; holdings are put nearest-first after the cache.
        Optional<Coordinates> near = r.sort() == SortOrder.NEAREST ? r.near() : Optional.empty();
        return pages.get(new PageKey(version, r.matching(), r.sort(), near, r.page(), r.size()), k -> search.get());
    }

    Optional<List<FacetCount>> facets(long version, SearchRequest.Matching matching) {
        return Optional.ofNullable(facets.getIfPresent(new FacetKey(version, matching)));
    }

    void putFacets(long version, SearchRequest.Matching matching, List<FacetCount> counts) {
        facets.put(new FacetKey(version, matching), List.copyOf(counts));
    }

    List<Suggestion> suggestions(long version, String typed, int size, Supplier<List<Suggestion>> suggest) {
        return suggestions.get(new SuggestKey(version, typed, size), k -> suggest.get());
    }

    /** Pages answered from the cache so far. */
    long pageHits() {
        return pages.stats().hitCount();
    }

    void clear() {
        pages.invalidateAll();
        facets.invalidateAll();
        suggestions.invalidateAll();
    }
}
