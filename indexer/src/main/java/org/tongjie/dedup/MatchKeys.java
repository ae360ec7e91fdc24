package org.tongjie.dedup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.MaterialFormat;
import org.tongjie.index.SimplifiedChinese;

/**
 * What two records are compared on, normalised so that cataloguing habits do not matter: full-width
 * forms and traditional characters folded, punctuation and spaces dropped, case ignored. Titles and
 * authors are sets because a MARC21 record carries both its romanised and its vernacular (880) forms,
 * and a CNMARC record only the vernacular: they meet on the characters.
 */
record MatchKeys(
        Set<String> isbns,
        Set<String> issns,
        Set<String> titles,
        Set<String> authors,
        OptionalInt year,
        Optional<Integer> edition,
        Optional<Integer> volume,
        MaterialFormat format,
        OptionalInt pages) {

    static MatchKeys of(BibRecord r) {
        return new MatchKeys(
                Set.copyOf(r.isbns()),
                Set.copyOf(r.issns()),
                r.titles().stream().map(MatchKeys::fold).filter(t -> !t.isEmpty()).collect(Collectors.toSet()),
                r.authors().stream().map(MatchKeys::authorKey).filter(a -> !a.isEmpty()).collect(Collectors.toSet()),
                r.year(),
                r.edition().flatMap(Numbering::of),
                r.volume().flatMap(Numbering::of),
                r.format(),
                r.pageCount());
    }

    /** NFKC folds full-width forms (ＡＢＣ１２３) to ASCII; then simplified script, lower case, letters and digits only. */
    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = SimplifiedChinese.of(s).toLowerCase(Locale.ROOT);
        return s.codePoints().filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * The part of a name every cataloguer writes the same: "Austen, Jane, 1775-1817" and "Austen, Jane"
     * both give "austenjane"; a Chinese name is kept whole ("刘慈欣").
     */
    static String authorKey(String name) {
        String withoutDates = name.replaceAll("\\d{3,4}\\s*-\\s*(\\d{3,4})?", "");
        String[] parts = withoutDates.split(",");
        String key = parts.length >= 2 ? parts[0] + parts[1] : parts[0];
        return fold(key);
    }
}
