package org.tongjie.index.lucene;

import org.tongjie.text.PinyinSyllables;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Latin letters that spell pinyin, spaced or not ("hong lou meng", "hongloumeng"), as a phrase of
 * syllables in the pinyin of titles or authors, a little below a match in the characters; one short word
 * also as the initials of a title or author ("hlm" → 红楼梦). Tone marks are dropped (hóng lóu mèng).
 */
final class PinyinQueries {
    private static final float TITLE_PINYIN_BOOST = 3f;
    private static final float AUTHOR_PINYIN_BOOST = 1.5f;
    private static final float INITIALS_BOOST = 1f;
    /** Longer "initials" are words, not abbreviations. */
    private static final int MAX_INITIALS = 8;
    private static final Pattern LATIN_WORDS = Pattern.compile("[a-z]+(?:[\\s']+[a-z]+)*");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    private PinyinQueries() {}

    static List<Query> titlesAndAuthors(String text) {
        var queries = new ArrayList<Query>();
        queries.addAll(titles(text));
        queries.addAll(authors(text));
        return queries;
    }

    static List<Query> titles(String text) {
        return of(text, CatalogIndex.TITLE_PINYIN, TITLE_PINYIN_BOOST, CatalogIndex.TITLE_INITIALS);
    }

    static List<Query> authors(String text) {
        return of(text, CatalogIndex.AUTHOR_PINYIN, AUTHOR_PINYIN_BOOST, CatalogIndex.AUTHOR_INITIALS);
    }

    /** The Latin letters of the text without tone marks, in lower case, if that is all it has. */
    static Optional<String> latin(String text) {
        String latin = DIACRITICS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return LATIN_WORDS.matcher(latin).matches() ? Optional.of(latin) : Optional.empty();
    }

    private static List<Query> of(String text, String syllablesField, float boost, String initialsField) {
        Optional<String> latin = latin(text);
        if (latin.isEmpty()) {
            return List.of();
        }
        var queries = new ArrayList<Query>();
        syllables(latin.get()).ifPresent(s -> queries.add(new BoostQuery(new PhraseQuery(syllablesField, s.toArray(String[]::new)), boost)));
        String word = latin.get();
        if (word.length() >= 2 && word.length() <= MAX_INITIALS && word.chars().allMatch(Character::isLetter)) {
            queries.add(new BoostQuery(new TermQuery(new Term(initialsField, IndexKeys.exact(word))), INITIALS_BOOST));
        }
        return queries;
    }

    /** The syllables of every typed word in order, or empty if any word is not pinyin. */
    static Optional<List<String>> syllables(String latin) {
        var all = new ArrayList<String>();
        for (String word : latin.split("[\\s']+")) {
            var syllables = PinyinSyllables.split(word);
            if (syllables.isEmpty()) {
                return Optional.empty();
            }
            all.addAll(syllables.get());
        }
        return Optional.of(all);
    }
}
