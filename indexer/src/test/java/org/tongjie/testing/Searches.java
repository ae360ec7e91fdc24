package org.tongjie.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tongjie.search.SearchHit;
import org.tongjie.indexer.Catalog;

/** What a search for everything shows, as tests of several modules check it. */
public final class Searches {
    private static final int EVERYTHING = 10_000;

    private Searches() {}

    /** Source records in the union records a search for everything finds: each one once, none lost. */
    public static long sourceRecords(Catalog catalog) {
        return catalog.search().page("", 1, EVERYTHING).hits().stream().mapToLong(SearchHit::sourceRecords).sum();
    }

    /** Every union record by id: hits of equal score come in index order, which segment merges may change. */
    public static Map<String, SearchHit> byId(Catalog catalog) {
        return catalog.search().page("", 1, EVERYTHING).hits().stream()
                .collect(Collectors.toMap(SearchHit::id, h -> h, (x, y) -> x, TreeMap::new));
    }
}
