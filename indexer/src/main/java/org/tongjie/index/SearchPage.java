package org.tongjie.index;

import java.util.List;

/** One page of results and how many there are in all. */
public record SearchPage(long total, int page, int size, List<SearchHit> hits) {
    public SearchPage {
        hits = List.copyOf(hits);
    }
}
