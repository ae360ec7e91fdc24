package org.tongjie.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A source record normalised into what search and display need, whatever MARC profile it came in.
 * {@code provenance} says which field each value came from. {@code systemNumbers} are the identifiers
 * other than ISBN and ISSN that name one edition across catalogues, each with its scheme: {@code lccn:2001012345},
 * {@code (ocolc)12345678}, {@code nbn:gb9612345}. {@code originalYear} is, for a reprint, the year of the
 * original it reprints; {@code marks} what tells it from other editions of one title (read for matching).
 */
public record BibRecord(
        String id,
        String libraryId,
        String localId,
        MarcProfile profile,
        Encoding encoding,
        List<String> titles,
        List<String> parallelTitles,
        Optional<String> titlePinyin,
        Optional<String> volume,
        Optional<String> responsibility,
        List<String> authors,
        List<String> isbns,
        List<String> cancelledIsbns,
        List<String> issns,
        List<String> systemNumbers,
        Optional<String> publisher,
        Optional<String> publicationPlace,
        OptionalInt year,
        OptionalInt originalYear,
        Optional<String> edition,
        Optional<String> extent,
        OptionalInt pageCount,
        Optional<String> price,
        Optional<String> language,
        MaterialFormat format,
        List<String> series,
        List<String> subjects,
        Classification classification,
        List<Holding> holdings,
        List<Provenance> provenance,
        EditionMarks marks) {

    public BibRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(libraryId, "libraryId");
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(encoding, "encoding");
        titles = List.copyOf(titles);
        parallelTitles = List.copyOf(parallelTitles);
        Objects.requireNonNull(titlePinyin, "titlePinyin");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(responsibility, "responsibility");
        authors = List.copyOf(authors);
        isbns = List.copyOf(isbns);
        cancelledIsbns = List.copyOf(cancelledIsbns);
        issns = List.copyOf(issns);
        systemNumbers = List.copyOf(systemNumbers);
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(publicationPlace, "publicationPlace");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(originalYear, "originalYear");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(extent, "extent");
        Objects.requireNonNull(pageCount, "pageCount");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(format, "format");
        series = List.copyOf(series);
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(classification, "classification");
        holdings = List.copyOf(holdings);
        provenance = List.copyOf(provenance);
        Objects.requireNonNull(marks, "marks");
    }

    /** The title to show: the first title statement, or a marker a reader understands. */
    public String displayTitle() {
        return titles.isEmpty() ? "[no title]" : titles.getFirst();
    }
}
