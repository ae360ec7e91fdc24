package org.tongjie.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A source record normalised into what search and display need, whatever MARC profile it came in. */
public record BibRecord(
        String id,
        String libraryId,
        String localId,
        MarcProfile profile,
        List<String> titles,
        List<String> authors,
        List<String> isbns,
        List<String> issns,
        Optional<String> publisher,
        OptionalInt year,
        Optional<String> edition,
        Optional<String> language,
        MaterialFormat format,
        List<String> subjects,
        Classification classification,
        List<Holding> holdings) {

    public BibRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(libraryId, "libraryId");
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(profile, "profile");
        titles = List.copyOf(titles);
        authors = List.copyOf(authors);
        isbns = List.copyOf(isbns);
        issns = List.copyOf(issns);
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(format, "format");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(classification, "classification");
        holdings = List.copyOf(holdings);
    }

    /** The title to show: the first title statement, or a marker a reader understands. */
    public String displayTitle() {
        return titles.isEmpty() ? "[no title]" : titles.getFirst();
    }
}
