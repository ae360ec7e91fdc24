package org.tongjie.dedup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.MaterialFormat;
import org.tongjie.text.SimplifiedChinese;

/**
 * What two records are compared on, normalised so that cataloguing habits do not matter: full-width
 * forms and traditional characters folded, punctuation and spaces dropped, case ignored. Titles and
 * authors are sets because a MARC21 record carries both its romanised and its vernacular (880) forms,
 * and a CNMARC record only the vernacular: they meet on the characters.
 */
record MatchKeys(
        String recordId,
        Set<String> isbns,
        Set<String> issns,
        Set<String> systemNumbers,
        Set<String> titles,
        Set<String> authors,
        Set<Integer> years,
        Optional<Integer> edition,
        Optional<Integer> volume,
        MaterialFormat format,
        OptionalInt pages,
        Optional<String> publisher,
        Map<String, Integer> seriesNumbers) {

    /** Words that say "a publisher" rather than which one. */
    private static final Set<String> PUBLISHER_WORDS = Set.of("publishers", "publishing", "publisher", "press",
            "books", "limited", "ltd", "inc", "company", "co", "corp", "the", "and", "sons", "verlag", "editions");
    private static final List<String> CHINESE_PUBLISHER_WORDS = List.of("出版社", "出版公司", "出版集团", "出版", "书局", "书店");

    static MatchKeys of(BibRecord r) {
        return new MatchKeys(
                r.id(),
                Set.copyOf(r.isbns()),
                Set.copyOf(r.issns()),
                Set.copyOf(r.systemNumbers()),
                r.titles().stream().map(MatchKeys::fold).filter(t -> !t.isEmpty()).collect(Collectors.toSet()),
                r.authors().stream().map(MatchKeys::authorKey).filter(a -> !a.isEmpty()).collect(Collectors.toSet()),
                years(r),
                r.edition().flatMap(Numbering::of),
                r.volume().flatMap(Numbering::of),
                r.format(),
                r.pageCount(),
                r.publisher().map(MatchKeys::publisherKey).filter(p -> !p.isEmpty()),
                seriesNumbers(r.series()));
    }

    /** The year of publication, and for a reprint also the year of the original it reprints. */
    private static Set<Integer> years(BibRecord r) {
        return IntStream.concat(r.year().stream(), r.originalYear().stream()).boxed().collect(Collectors.toSet());
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

    /**
     * A publisher as every record of one imprint writes it: "Penguin Books Ltd." and "Penguin" both give
     * "penguin", "人民文学出版社" gives "人民文学". Compared by containment, since one cataloguer writes more
     * of the name than another.
     */
    static String publisherKey(String name) {
        String lower = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String words = Arrays.stream(lower.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !PUBLISHER_WORDS.contains(w))
                .collect(Collectors.joining());
        String key = fold(words);
        for (String word : CHINESE_PUBLISHER_WORDS) {
            key = key.replace(word, "");
        }
        return key;
    }

    /**
     * "Everyman's library no. 22" gives everymanslibrary → 22, "汉译世界学术名著丛书 第5辑" gives
     * 汉译世界学术名著丛书 → 5: the same series with another number is another book.
     */
    private static Map<String, Integer> seriesNumbers(List<String> series) {
        var numbers = new HashMap<String, Integer>();
        for (String s : series) {
            var m = SERIES_NUMBER.matcher(s.strip());
            if (m.matches() && !fold(m.group(1)).isEmpty()) {
                numbers.put(fold(m.group(1)), Integer.parseInt(m.group(2)));
            }
        }
        return Map.copyOf(numbers);
    }

    private static final Pattern SERIES_NUMBER = Pattern.compile(
            "(.+?)[\\s;,]*(?:no\\.?|nr\\.?|v\\.|vol\\.?|bd\\.?|第)?\\s*(\\d+)\\s*[册辑號号卷集]?", Pattern.CASE_INSENSITIVE);
}
