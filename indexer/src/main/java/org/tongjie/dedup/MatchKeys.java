package org.tongjie.dedup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
        Set<Integer> ownYears,
        Optional<Integer> edition,
        Optional<String> editionWords,
        Optional<Integer> volume,
        Optional<String> volumeWords,
        MaterialFormat format,
        OptionalInt pages,
        Set<String> publishers,
        Map<String, Integer> seriesNumbers,
        Marks marks) {

    /**
     * The coded signs of an edition: carriers (RDA codes), content types, the kind each ISBN is qualified
     * as ({@link Qualifiers}), the file formats of an e-book, the volumes of a set, host links, and the
     * serial keys (key title, ISSN-L).
     */
    record Marks(
            Set<String> carriers,
            Set<String> contentTypes,
            Map<String, Set<String>> isbnKinds,
            Set<String> fileFormats,
            int volumesInSet,
            boolean componentPart,
            Set<String> hostLinks,
            Optional<String> keyTitle,
            Set<String> linkingIssns) {}

    /** Words that say "a publisher" rather than which one. */
    private static final Set<String> PUBLISHER_WORDS = Set.of("publishers", "publishing", "publisher", "press",
            "books", "limited", "ltd", "inc", "company", "co", "corp", "the", "and", "sons", "verlag", "editions");
    private static final List<String> CHINESE_PUBLISHER_WORDS = List.of("出版社", "出版公司", "出版集团", "出版", "书局", "书店");

    static MatchKeys of(BibRecord r) {
        var m = r.marks();
        Map<String, Set<String>> kinds = Qualifiers.kinds(m.isbnQualifiers());
        return new MatchKeys(
                r.id(),
                Set.copyOf(r.isbns()),
                Set.copyOf(r.issns()),
                Set.copyOf(r.systemNumbers()),
                titles(r),
                r.authors().stream().map(MatchKeys::authorKey).filter(a -> !a.isEmpty()).collect(Collectors.toSet()),
                years(r),
                r.year().stream().boxed().collect(Collectors.toSet()),
                r.edition().flatMap(Numbering::of),
                r.edition().flatMap(Numbering::words),
                r.volume().flatMap(Numbering::of),
                r.volume().flatMap(Numbering::words),
                r.format(),
                r.pageCount(),
                publishers(r),
                seriesNumbers(r.series()),
                new Marks(m.carriers(), m.contentTypes(), kinds, Qualifiers.fileFormats(kinds), m.volumesInSet(),
                        m.componentPart(), m.hostLinks(), m.keyTitle().map(MatchKeys::fold).filter(t -> !t.isEmpty()),
                        m.linkingIssns()));
    }

    /**
     * Every title a record gives (245 $ab with its 880 and 246 forms), and the title proper without its
     * leading article and subtitle: "The African dental journal" and "African dental journal : official
     * organ" meet on "africandentaljournal".
     */
    private static Set<String> titles(BibRecord r) {
        var all = new HashSet<String>();
        r.titles().forEach(t -> all.add(fold(t)));
        r.marks().titleProper().ifPresent(t -> all.add(fold(t)));
        all.remove("");
        return Set.copyOf(all);
    }

    /** Each form of the publisher's name as a key; an empty set when the record names none. */
    private static Set<String> publishers(BibRecord r) {
        var forms = new HashSet<String>();
        r.publisher().ifPresent(forms::add);
        forms.addAll(r.marks().publishers());
        return forms.stream().map(MatchKeys::publisherKey).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
    }

    /** A conflict profile: the keys without what only evidence reads, so records that agree on every sign share one. */
    MatchKeys profile() {
        return new MatchKeys("", isbns, issns, Set.of(), Set.of(), Set.of(), years, ownYears, edition, editionWords,
                volume, volumeWords, format, pages, publishers, seriesNumbers, marks);
    }

    /** The year of publication, and for a reprint also the year of the original it reprints. */
    private static Set<Integer> years(BibRecord r) {
        return IntStream.concat(r.year().stream(), r.originalYear().stream()).boxed().collect(Collectors.toSet());
    }

    /**
     * XML's five entities written into field data ("A&amp;E", "collector&apos;s"): exporters that build
     * ISO 2709 from XML leave them behind, and they must not make two spellings of one name.
     */
    private static String unescaped(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
    }

    /** NFKC folds full-width forms (ＡＢＣ１２３) to ASCII; then simplified script, lower case, letters and digits only. */
    static String fold(String text) {
        String s = Normalizer.normalize(unescaped(text), Normalizer.Form.NFKC);
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
     * A publisher as every record of one imprint writes it, its words apart: "Penguin Books Ltd." and
     * "Penguin" both give "penguin", "Oxford University Press" gives "oxford university", "人民文学出版社"
     * gives "人民文学". Compared by containment or first word ({@link Conflicts#samePublisher}), since one
     * cataloguer writes more of the name than another.
     */
    static String publisherKey(String name) {
        String lower = Normalizer.normalize(unescaped(name), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(lower.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !PUBLISHER_WORDS.contains(w))
                .map(MatchKeys::fold)
                .map(MatchKeys::withoutChinesePublisherWords)
                .filter(w -> !w.isEmpty())
                .collect(Collectors.joining(" "));
    }

    private static String withoutChinesePublisherWords(String word) {
        String key = word;
        for (String w : CHINESE_PUBLISHER_WORDS) {
            key = key.replace(w, "");
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
            "(.+?)[\\s;,]*(?:no\\.?|nr\\.?|v\\.|vol\\.?|bd\\.?|第)?\\s*(\\d{1,6})\\s*[册辑號号卷集]?", Pattern.CASE_INSENSITIVE);
}
