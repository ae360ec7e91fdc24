package org.tongjie.search;

import java.util.List;

/** One page of results, how many there are in all, and the counts of every facet dimension. */
public record SearchPage(long total, int page, int size, List<SearchHit> hits, List<FacetCount> facets) {
    public SearchPage {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
    }
}
