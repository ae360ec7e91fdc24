package org.tongjie.live;

import java.util.List;
import org.tongjie.search.FacetCount;
import org.tongjie.search.SearchHit;
import org.tongjie.search.SearchPage;

/**
 * The answer to {@code GET /api/search?live=true}: the local page exactly as without it, plus the live
 * members' statuses and hits. Live hits are a list of their own so the local paging and total stay exact.
 */
public record LivePage(long total, int page, int size, List<SearchHit> hits, List<FacetCount> facets,
                       List<LiveStatus> live, List<SearchHit> liveHits) {

    public LivePage {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
        live = List.copyOf(live);
        liveHits = List.copyOf(liveHits);
    }

    public static LivePage of(SearchPage local, LiveResults remote) {
        return new LivePage(local.total(), local.page(), local.size(), local.hits(), local.facets(),
                remote.live(), remote.liveHits());
    }
}
