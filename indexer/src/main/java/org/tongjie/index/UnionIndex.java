package org.tongjie.index;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.query.CatalogQuery;
import org.tongjie.query.Hits;
import org.tongjie.query.IndexScan;
import org.tongjie.query.Matches;
import org.tongjie.query.SortKey;
import org.tongjie.search.SearchPage;
import org.tongjie.search.SearchRequest;
import org.tongjie.search.Suggestion;

/**
 * The search index of union records, as the catalogue core needs it: one document per union record, keyed by
 * its id and findable by the id of each source record in it. Each commit remembers the store's change number
 * it has caught up to, so after a crash the index resumes from there, and an index can be dropped and rebuilt
 * from the store. Today's implementation is Lucene on local disk ({@code org.tongjie.index.lucene}).
 */
public interface UnionIndex extends AutoCloseable {
    /** The store change number the last commit had caught up to; 0 for a new index. */
    long committedChangeSeq();

    /** True when the index was written with the fields and analysis this version of the hub uses. */
    boolean hasCurrentLayout();

    /**
     * Adds or replaces a union record built from its source records; the member directory says what kind of
     * service point each holder is and where, for the facets and the nearest sort.
     */
    void put(UnionRecord union, List<BibRecord> sources, Map<String, Library> directory) throws IOException;

    /** Removes the union records that any of these source records is in. */
    void deleteMembers(Collection<String> recordIds) throws IOException;

    /**
     * The source records that share a union record with any of these, as the index has them now (uncommitted
     * changes included): what must be rewritten when these records change.
     */
    Set<String> coMembers(Collection<String> recordIds) throws IOException;

    /** Removes every union record, before a rebuild. */
    void deleteAll() throws IOException;

    /** Makes everything put so far durable, remembering the change number it reflects, and visible. */
    void commit(long changeSeq) throws IOException;

    /**
     * The page of hits within the selected facet values, in the order asked for, with every dimension's counts
     * and the matched words highlighted.
     *
     * @throws org.tongjie.search.QueryTooLargeException when the query has more parts than can be searched at once
     */
    SearchPage search(SearchRequest request) throws IOException;

    /** Up to {@code size} titles and authors starting with (or with a word starting with) what was typed. */
    List<Suggestion> suggest(String typed, int size) throws IOException;

    /** The union record with this id, or the one the source record with this id is in. */
    Optional<UnionRecord> get(String id) throws IOException;

    /** The union records a query of the SRU or Z39.50 kind matches, best first, from 0-based {@code offset}. */
    Matches find(CatalogQuery query, int offset, int limit) throws IOException;

    /** The same hits as {@link #find}, named by each union record's describing source record only. */
    default Hits findIds(CatalogQuery query, int offset, int limit) throws IOException {
        return findIds(query, List.of(), offset, limit);
    }

    /**
     * As {@link #findIds(CatalogQuery, int, int)}, ordered by {@code order} (key by key; relevance breaks
     * ties, and an empty order is relevance alone).
     */
    Hits findIds(CatalogQuery query, List<SortKey> order, int offset, int limit) throws IOException;

    /**
     * Up to {@code count} terms of {@code index} in index order: up to {@code before} terms just before
     * {@code start} (normalised as the index normalises it), then the terms from it on. Terms no union
     * record holds any more are left out. Text indexes hold words; ISBNs are ISBN-13, ISSNs NNNN-NNNC.
     *
     * @throws IllegalArgumentException for an index that cannot be scanned ({@link CatalogQuery.Index#ANY})
     */
    IndexScan scan(CatalogQuery.Index index, String start, int before, int count) throws IOException;

    @Override
    void close() throws IOException;
}
