package org.tongjie.search;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tongjie.catalog.Coordinates;

/**
 * One search: the typed query, the advanced form's fields (each required), the facet values selected
 * (OR within a dimension, AND across), the order, the reader's position for nearest-first holdings and
 * the nearest sort, and the page.
 *
 * @throws IllegalArgumentException with a message for the reader when a field's value cannot be searched
 *     (an ISBN with a wrong check digit, a year that is not one), the nearest sort has no position, or the
 *     page is out of range
 */
public record SearchRequest(String query, Map<SearchField, String> fields, Map<Facet, Set<String>> filters,
        SortOrder sort, Optional<Coordinates> near, int page, int size) {

    public SearchRequest {
        query = query.strip();
        fields = Map.copyOf(fields);
        filters = Map.copyOf(filters.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue()))));
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(near, "near");
        fields.forEach((field, value) -> FieldValues.problem(field, value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        }));
        if (sort == SortOrder.NEAREST && near.isEmpty()) {
            throw new IllegalArgumentException("sort=nearest needs the reader's position: near=LIBRARY_ID or near=LAT,LON");
        }
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1, were " + page + " and " + size);
        }
    }

    /** A query in relevance order, with no advanced fields and no position. */
    public static SearchRequest of(String query, Map<Facet, Set<String>> filters, int page, int size) {
        return new SearchRequest(query, Map.of(), filters, SortOrder.RELEVANCE, Optional.empty(), page, size);
    }

    /** The part that decides which records match, and so the facet counts: not the order, position or page. */
    public record Matching(String query, Map<SearchField, String> fields, Map<Facet, Set<String>> filters) {}

    public Matching matching() {
        return new Matching(query, fields, filters);
    }
}
