package org.tongjie.index.lucene;

import org.tongjie.search.SearchRequest;

import java.util.Optional;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.tongjie.catalog.Coordinates;

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

    /** Records without a year come last either way. */
    private static SortField year(boolean newestFirst) {
        var field = new SortedNumericSortField(CatalogIndex.YEAR, SortField.Type.INT, newestFirst);
        field.setMissingValue(newestFirst ? Integer.MIN_VALUE : Integer.MAX_VALUE);
        return field;
    }

    private static SortField title() {
        var field = new SortField(CatalogIndex.TITLE_SORT, SortField.Type.STRING);
        field.setMissingValue(SortField.STRING_LAST);
        return field;
    }

    /** To the nearest place holding a copy; records with no known place come last. */
    private static SortField nearest(Coordinates from) {
        return LatLonDocValuesField.newDistanceSort(CatalogIndex.PLACE, from.latitude(), from.longitude());
    }
}
