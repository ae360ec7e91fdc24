package org.tongjie.live;

import java.util.List;
import org.tongjie.catalog.LiveTarget;
import org.tongjie.search.SearchHit;

/** One search, given as PQF, at one live member's target; blocking, so it runs on the fan-out pool. */
@FunctionalInterface
interface MemberSearch {

    /** The target's hit count and its first records as hits. */
    record Found(long count, List<SearchHit> hits) {
        public Found {
            hits = List.copyOf(hits);
        }
    }

    /**
     * @throws RuntimeException when the target cannot be reached, times out or refuses the search; the
     *                          message becomes the member's status message
     */
    Found search(String libraryId, LiveTarget target, String pqf);
}
