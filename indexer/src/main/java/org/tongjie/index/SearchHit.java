package org.tongjie.index;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.MaterialFormat;

/** One result as the API shows it. */
public record SearchHit(
        String id,
        String libraryId,
        String title,
        List<String> authors,
        OptionalInt year,
        List<String> isbns,
        Optional<String> publisher,
        MaterialFormat format,
        List<Holding> holdings) {

    static SearchHit of(BibRecord r) {
        return new SearchHit(r.id(), r.libraryId(), r.displayTitle(), r.authors(), r.year(), r.isbns(),
                r.publisher(), r.format(), r.holdings());
    }
}
