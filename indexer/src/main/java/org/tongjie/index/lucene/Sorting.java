package org.tongjie.index.lucene;

import org.tongjie.search.SearchRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.tongjie.catalog.Coordinates;
import org.tongjie.query.SortKey;

/** The Lucene sort for each {@link SortOrder}; ties go to relevance, then to the title. */
final class Sorting {
    private Sorting() {}

    /** Empty for relevance order, which is the collector's own. */
    static Optional<Sort> of(SearchRequest request) {
        return switch (request.sort()) {
            case RELEVANCE -> Optional.empty();
            case YEAR -> Optional.of(new Sort(year(false), SortField.FIELD_SCORE, title()));
            case NEWEST -> Optional.of(new Sort(year(true), SortField.FIELD_SCORE, title()));
            case TITLE -> Optional.of(new Sort(title(), year(false)));
            case NEAREST -> Optional.of(new Sort(nearest(request.near().orElseThrow()), SortField.FIELD_SCORE, title()));
        };
    }

    /**
     * The order a protocol asks for (Z39.50 Sort, SRU sortKeys), key by key; relevance breaks ties. Empty
     * for no keys, which is relevance order.
     */
    static Optional<Sort> of(List<SortKey> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        var fields = new ArrayList<SortField>();
        for (SortKey key : keys) {
            fields.add(switch (key.field()) {
                case TITLE -> text(CatalogIndex.TITLE_SORT, key.descending());
                case AUTHOR -> text(CatalogIndex.AUTHOR_SORT, key.descending());
                case DATE -> year(key.descending());
            });
        }
        fields.add(SortField.FIELD_SCORE);
        return Optional.of(new Sort(fields.toArray(SortField[]::new)));
    }

    /** Records without a year come last either way. */
    private static SortField year(boolean newestFirst) {
        var field = new SortedNumericSortField(CatalogIndex.YEAR, SortField.Type.INT, newestFirst);
        field.setMissingValue(newestFirst ? Integer.MIN_VALUE : Integer.MAX_VALUE);
        return field;
    }

    private static SortField title() {
        return text(CatalogIndex.TITLE_SORT, false);
    }

    /** Records without the key come last either way. */
    private static SortField text(String sortField, boolean descending) {
        var field = new SortField(sortField, SortField.Type.STRING, descending);
        field.setMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
        return field;
    }

    /** To the nearest place holding a copy; records with no known place come last. */
    private static SortField nearest(Coordinates from) {
        return LatLonDocValuesField.newDistanceSort(CatalogIndex.PLACE, from.latitude(), from.longitude());
    }
}
