package org.tongjie.dedup;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signs that two records describe different editions, whatever identifiers they share: format and
 * carrier, content type, the qualifiers of a shared ISBN, a set against one of its parts, component parts
 * of other hosts, other edition or part statements, years, extents, series numbers, publishers, disjoint
 * ISBN sets. Each conflict says why, for the cataloguer who reads the union record's provenance.
 */
final class Conflicts {
    /** Page counts further apart than this share of the larger, and than {@link #PAGE_SLACK}, conflict. */
    static final double PAGE_RATIO = 0.1;
    static final int PAGE_SLACK = 20;

    /** Edition statement words that name an edition of its own even against a record that states none. */
    private static final List<String> DISTINCT_EDITIONS = List.of("rev", "large", "abridged", "enlarged", "expanded",
            "updated", "new", "nouv", "illustrated", "annotated", "critical", "student", "school", "facsim", "neue",
            "überarb", "erw", "修订", "修訂", "增订", "增訂", "插图", "插圖", "注释", "注釋");

    /** First words many publishers share: "University of Chicago" and "University of Toronto" are two presses. */
    private static final Set<String> SHARED_FIRST_WORDS = Set.of("university", "universitetet", "universidad", "universite",
            "new", "american", "national", "state", "editorial", "casa", "edizioni", "wydawnictwo", "izdatelstvo", "nakladatelstvi");

    private Conflicts() {}

    static Optional<String> between(MatchKeys x, MatchKeys y) {
        return carrier(x, y)
                .or(() -> setOrPart(x, y))
                .or(() -> statements(x, y))
                .or(() -> imprint(x, y))
                .or(() -> identifiers(x, y));
    }

    private static Optional<String> carrier(MatchKeys x, MatchKeys y) {
        if (x.format() != y.format()) {
            return Optional.of("different formats: " + x.format() + " and " + y.format());
        }
        var a = x.marks();
        var b = y.marks();
        if (disjoint(a.carriers(), b.carriers())) {
            return Optional.of("different carriers: " + a.carriers() + " and " + b.carriers());
        }
        if (disjoint(a.contentTypes(), b.contentTypes())) {
            return Optional.of("different content types: " + a.contentTypes() + " and " + b.contentTypes());
        }
        if (disjoint(a.fileFormats(), b.fileFormats())) {
            return Optional.of("different file formats: " + a.fileFormats() + " and " + b.fileFormats());
        }
        for (String isbn : x.isbns()) {
            if (y.isbns().contains(isbn)) {
                Optional<String> c = Qualifiers.conflict(a.isbnKinds().getOrDefault(isbn, Set.of()),
                        b.isbnKinds().getOrDefault(isbn, Set.of()));
                if (c.isPresent()) {
                    return Optional.of("ISBN " + isbn + " qualified as " + c.get());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> setOrPart(MatchKeys x, MatchKeys y) {
        int xs = x.marks().volumesInSet();
        int ys = y.marks().volumesInSet();
        if (xs > 0 && ys > 0 && xs != ys) {
            return Optional.of("sets of " + xs + " and " + ys + " volumes");
        }
        if ((xs > 0 && ys == 0 && single(y)) || (ys > 0 && xs == 0 && single(x))) {
            return Optional.of("a set of volumes and one volume");
        }
        if (x.marks().componentPart() != y.marks().componentPart()) {
            return Optional.of("a component part and a whole item");
        }
        if (disjoint(x.marks().hostLinks(), y.marks().hostLinks())) {
            return Optional.of("parts of different host items: " + x.marks().hostLinks() + " and " + y.marks().hostLinks());
        }
        if (differ(x.volume(), y.volume())) {
            return Optional.of("different volumes: " + x.volume().get() + " and " + y.volume().get());
        }
        if (differ(x.volumeWords(), y.volumeWords())) {
            return Optional.of("different parts: " + x.volumeWords().get() + " and " + y.volumeWords().get());
        }
        boolean xPart = x.volume().isPresent() || x.volumeWords().isPresent();
        boolean yPart = y.volume().isPresent() || y.volumeWords().isPresent();
        return xPart != yPart ? Optional.of("one volume and a description without a volume") : Optional.empty();
    }

    /** A record of one volume: it names a part, or counts pages without counting volumes. */
    private static boolean single(MatchKeys k) {
        return k.volume().isPresent() || k.volumeWords().isPresent() || k.pages().isPresent();
    }

    private static Optional<String> statements(MatchKeys x, MatchKeys y) {
        if (differ(x.edition(), y.edition())) {
            return Optional.of("different editions: " + x.edition().get() + " and " + y.edition().get());
        }
        if (differ(x.editionWords(), y.editionWords()) && latin(x.editionWords().get()) == latin(y.editionWords().get())) {
            return Optional.of("different edition statements: " + x.editionWords().get() + " and " + y.editionWords().get());
        }
        if (distinct(x.editionWords()) != distinct(y.editionWords())) {
            return Optional.of("an edition statement of its own against none: "
                    + x.editionWords().or(y::editionWords).orElseThrow());
        }
        for (var series : x.seriesNumbers().entrySet()) {
            Integer other = y.seriesNumbers().get(series.getKey());
            if (other != null && !other.equals(series.getValue())) {
                return Optional.of("different numbers in one series: " + series.getValue() + " and " + other);
            }
        }
        return Optional.empty();
    }

    private static boolean distinct(Optional<String> words) {
        return words.filter(w -> DISTINCT_EDITIONS.stream().anyMatch(w::contains)).isPresent();
    }

    private static Optional<String> imprint(MatchKeys x, MatchKeys y) {
        if (!x.years().isEmpty() && !y.years().isEmpty() && !yearsWithin(x.years(), y.years(), 1)) {
            return Optional.of("years more than one apart: " + x.years() + " and " + y.years());
        }
        if (pagesTooFarApart(x.pages(), y.pages())) {
            return Optional.of("page counts too far apart: " + x.pages().getAsInt() + " and " + y.pages().getAsInt());
        }
        for (boolean latin : List.of(true, false)) {
            Set<String> a = inScript(x.publishers(), latin);
            Set<String> b = inScript(y.publishers(), latin);
            if (!a.isEmpty() && !b.isEmpty() && !samePublisher(a, b)) {
                return Optional.of("different publishers: " + a + " and " + b);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> identifiers(MatchKeys x, MatchKeys y) {
        return disjoint(x.isbns(), y.isbns()) ? Optional.of("different ISBNs") : Optional.empty();
    }

    /**
     * Whether two sets of publisher keys name one publisher: some pair where one contains the other ("penguin"
     * and "penguin books") or that starts with the same word ("oxford u p" and "oxford university").
     */
    static boolean samePublisher(Set<String> a, Set<String> b) {
        for (String p : a) {
            for (String q : b) {
                String pp = p.replace(" ", "");
                String qq = q.replace(" ", "");
                String pFirst = p.split(" ")[0];
                if (pp.contains(qq) || qq.contains(pp) || (pFirst.length() >= 3 && !SHARED_FIRST_WORDS.contains(pFirst)
                        && pFirst.equals(q.split(" ")[0]))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Romanised forms compare with romanised forms, vernacular with vernacular (880 and CNMARC 210). */
    private static Set<String> inScript(Set<String> keys, boolean latin) {
        return keys.stream().filter(k -> latin(k) == latin).collect(Collectors.toSet());
    }

    private static boolean latin(String key) {
        return key.codePoints().allMatch(c -> c < 0x0370 || c == ' ');
    }

    static boolean yearsWithin(Set<Integer> xs, Set<Integer> ys, int slack) {
        return xs.stream().anyMatch(x -> ys.stream().anyMatch(y -> Math.abs(x - y) <= slack));
    }

    private static boolean pagesTooFarApart(OptionalInt a, OptionalInt b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int diff = Math.abs(a.getAsInt() - b.getAsInt());
        return diff > PAGE_SLACK && diff > PAGE_RATIO * Math.max(a.getAsInt(), b.getAsInt());
    }

    private static <T> boolean differ(Optional<T> a, Optional<T> b) {
        return a.isPresent() && b.isPresent() && !a.get().equals(b.get());
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && Collections.disjoint(a, b);
    }
}
