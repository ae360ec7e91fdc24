package org.tongjie.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.index.UnionIndex;
import org.tongjie.query.CatalogQuery;
import org.tongjie.query.Hits;
import org.tongjie.query.IndexScan;
import org.tongjie.query.Matches;
import org.tongjie.query.SortKey;
import org.tongjie.search.Facet;
import org.tongjie.search.SearchPage;
import org.tongjie.search.SearchRequest;
import org.tongjie.search.Suggestion;
import org.tongjie.store.RecordStore;

/** Reading the catalogue: searches, suggestions, protocol queries (SRU, Z39.50) and single records. */
public final class Search {
    private final UnionIndex index;
    private final RecordStore store;
    private final Libraries libraries;

    Search(UnionIndex index, RecordStore store, Libraries libraries) {
        this.index = index;
        this.store = store;
        this.libraries = libraries;
    }

    public SearchPage page(String query, int page, int size) {
        return page(query, Map.of(), page, size);
    }

    /** Hits within the selected facet values (OR within a dimension, AND across), with facet counts. */
    public SearchPage page(String query, Map<Facet, Set<String>> filters, int page, int size) {
        return page(SearchRequest.of(query, filters, page, size));
    }

    /**
     * A search as {@link SearchRequest} describes it; each hit's holdings summed up per library, named from
     * the directory and nearest first from the request's position (pages are cached by the index, which
     * refreshes them with its searcher; the directory is applied afresh to each answer).
     *
     * @throws org.tongjie.search.QueryTooLargeException when the query has too many parts to search
     */
    public SearchPage page(SearchRequest request) {
        try {
            SearchPage page = index.search(request);
            Map<String, Library> members = libraries.byId();
            return new SearchPage(page.total(), page.page(), page.size(),
                    page.hits().stream().map(h -> h.withLibraries(members, request.near())).toList(), page.facets());
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        }
    }

    /** Titles and authors for what a reader has typed so far, in characters or pinyin. */
    public List<Suggestion> suggest(String typed, int size) {
        try {
            return index.suggest(typed, size);
        } catch (IOException e) {
            throw new UncheckedIOException("suggesting from the index failed", e);
        }
    }

    /** The union record with this id, or the one the source record with this id is in. */
    public Optional<UnionRecord> record(String id) {
        try {
            return index.get(id);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the index failed", e);
        }
    }

    /** A source record exactly as its member sent it (deleted ones too, flagged). */
    public Optional<SourceRecord> sourceRecord(String recordId) {
        return store.sourceRecord(recordId);
    }

    /** The union records a query of the SRU or Z39.50 kind matches, best first, from 0-based {@code offset}. */
    public Matches find(CatalogQuery query, int offset, int limit) {
        try {
            return index.find(query, offset, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed for " + query, e);
        }
    }

    /**
     * What a query of the SRU or Z39.50 kind matches, best first, named by the source record describing
     * each union record: cheaper than {@link #find} where records are presented by position later.
     */
    public Hits findIds(CatalogQuery query, int offset, int limit) {
        try {
            return index.findIds(query, offset, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed for " + query, e);
        }
    }

    /** As {@link #findIds(CatalogQuery, int, int)}, in the order asked for (a Z39.50 Sort, SRU sortKeys). */
    public Hits findIds(CatalogQuery query, List<SortKey> order, int offset, int limit) {
        try {
            return index.findIds(query, order, offset, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed for " + query, e);
        }
    }

    /** An index's terms around {@code start}, each with its number of union records (Z39.50 and SRU Scan). */
    public IndexScan scan(CatalogQuery.Index index, String start, int before, int count) {
        try {
            return this.index.scan(index, start, before, count);
        } catch (IOException e) {
            throw new UncheckedIOException("scanning the " + index + " index failed", e);
        }
    }
}
