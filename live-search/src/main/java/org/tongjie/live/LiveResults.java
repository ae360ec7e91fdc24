package org.tongjie.live;

import java.util.List;
import org.tongjie.search.SearchHit;

/** What the live members answered: one status per member, and their hits (kept apart from the local page). */
public record LiveResults(List<LiveStatus> live, List<SearchHit> liveHits) {
    public static final LiveResults NONE = new LiveResults(List.of(), List.of());

    public LiveResults {
        live = List.copyOf(live);
        liveHits = List.copyOf(liveHits);
    }
}
