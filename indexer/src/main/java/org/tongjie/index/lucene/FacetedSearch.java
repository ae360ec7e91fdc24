package org.tongjie.index.lucene;

import org.tongjie.search.Facet;
import org.tongjie.search.FacetCount;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Search narrowed by facet values, with counts for every dimension. Drill-sideways counting makes the
 * facets multi-select: a dimension's counts ignore that dimension's own selection, so a reader who picked
 * one library still sees how many hits the other libraries have. Values of one dimension are OR-ed,
 * dimensions AND-ed.
 */
final class FacetedSearch {
    private static final int VALUES_PER_DIM = 30;

    /** Facet ordinals are read once per index reader, not once per search. */
    private record ReaderState(IndexReader reader, Optional<SortedSetDocValuesReaderState> state) {}

    private volatile ReaderState cached = new ReaderState(null, Optional.empty());

    record Result(TopDocs top, List<FacetCount> facets) {}

    /**
     * The first {@code window} hits in relevance order or by {@code sort}, and, when {@code count}, every
     * dimension's counts (empty otherwise: the caller has them from an earlier page of the same search).
     */
    Result search(IndexSearcher searcher, Query query, Map<Facet, Set<String>> filters, int window,
            Optional<Sort> sort, boolean count) throws IOException {
        Optional<SortedSetDocValuesReaderState> state = state(searcher.getIndexReader());
        CollectorManager<? extends TopDocsCollector<?>, ? extends TopDocs> collector = sort.isPresent()
                ? new TopFieldCollectorManager(sort.get(), window, null, Integer.MAX_VALUE)
                : new TopScoreDocCollectorManager(window, Integer.MAX_VALUE);
        if (state.isEmpty()) {
            return new Result(searcher.search(query, collector), List.of());
        }
        var drillDown = new DrillDownQuery(FacetFields.CONFIG, query);
        filters.forEach((facet, values) -> values.forEach(v -> drillDown.add(facet.dim(), IndexKeys.exact(v))));
        if (!count) {
            return new Result(searcher.search(drillDown, collector), List.of());
        }
        var result = new DrillSideways(searcher, FacetFields.CONFIG, state.get()).search(drillDown, collector);
        return new Result(result.collectorResult, counts(result.facets, filters));
    }

    private Optional<SortedSetDocValuesReaderState> state(IndexReader reader) throws IOException {
        ReaderState current = cached;
        if (current.reader() != reader) {
            current = new ReaderState(reader, readState(reader));
            cached = current;
        }
        return current.state();
    }

    /** An index without any faceted document yet (a new hub) has no facet field to read. */
    private static Optional<SortedSetDocValuesReaderState> readState(IndexReader reader) throws IOException {
        try {
            return Optional.of(new DefaultSortedSetDocValuesReaderState(reader, FacetFields.CONFIG));
        } catch (IllegalArgumentException noFacetsYet) {
            return Optional.empty();
        }
    }

    private static List<FacetCount> counts(Facets facets, Map<Facet, Set<String>> filters) throws IOException {
        var out = new ArrayList<FacetCount>();
        for (Facet facet : Facet.values()) {
            FacetResult top = topChildren(facets, facet);
            var values = new ArrayList<FacetCount.Value>();
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    values.add(new FacetCount.Value(lv.label, FacetFields.label(facet, lv.label), lv.value.longValue(),
                            filters.getOrDefault(facet, Set.of()).contains(lv.label)));
                }
            }
            out.add(new FacetCount(facet.dim(), values));
        }
        return out;
    }

    /** A dimension no document has is simply empty. */
    private static FacetResult topChildren(Facets facets, Facet facet) throws IOException {
        try {
            return facets.getTopChildren(VALUES_PER_DIM, facet.dim());
        } catch (IllegalArgumentException notIndexed) {
            return null;
        }
    }
}
