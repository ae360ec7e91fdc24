package org.tongjie.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.tongjie.marc.Isbns;

/**
 * What a reader types, to a Lucene query. {@link SimpleQueryParser} never throws, whatever the input
 * ("+-\"(((" is a query like any other), so garbage gets few or no hits rather than an error. Beside
 * the words themselves, any of these may match:
 * <ul>
 *   <li>an ISBN in either form, with or without hyphens, as the normalised ISBN-13;</li>
 *   <li>the whole query as a whole title (三體 = 三体), ranked far above partial matches;</li>
 *   <li>Latin letters that spell pinyin, spaced or not ("hong lou meng", "hongloumeng"), as a phrase of
 *       syllables in the titles' and authors' pinyin, a little below a match in the characters;</li>
 *   <li>one short word as the initials of a title or author ("hlm" → 红楼梦).</li>
 * </ul>
 */
final class UserQuery {
    private static final Map<String, Float> FIELD_BOOSTS = Map.of(
            CatalogIndex.TITLE, 4f,
            CatalogIndex.AUTHOR, 2f,
            CatalogIndex.SUBJECT, 1f,
            CatalogIndex.PUBLISHER, 0.5f,
            CatalogIndex.ALL, 1f);
    private static final float EXACT_TITLE_BOOST = 20f;
    private static final float ISBN_BOOST = 10f;
    private static final float TITLE_PINYIN_BOOST = 3f;
    private static final float AUTHOR_PINYIN_BOOST = 1.5f;
    private static final float INITIALS_BOOST = 1f;
    /** Longer "initials" are words, not abbreviations. */
    private static final int MAX_INITIALS = 8;
    private static final Pattern LATIN_WORDS = Pattern.compile("[a-z]+(?:[\\s']+[a-z]+)*");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    private UserQuery() {}

    static Query parse(String text) {
        String q = text.strip();
        if (q.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        var parser = new SimpleQueryParser(new CatalogAnalyzer(), FIELD_BOOSTS);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        var alternatives = new ArrayList<Query>();
        Optional.ofNullable(parser.parse(q)).ifPresent(alternatives::add);
        isbn(q).ifPresent(alternatives::add);
        exactTitle(q).ifPresent(alternatives::add);
        alternatives.addAll(pinyin(q));
        if (alternatives.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        var any = new BooleanQuery.Builder();
        alternatives.forEach(a -> any.add(a, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private static Optional<Query> isbn(String q) {
        return Isbns.toIsbn13(q)
                .filter(i -> q.replaceAll("[^0-9Xx]", "").length() >= 10)
                .map(i -> new BoostQuery(new TermQuery(new Term(CatalogIndex.ISBN, i)), ISBN_BOOST));
    }

    private static Optional<Query> exactTitle(String q) {
        String key = ExactTitle.key(q);
        return key.isEmpty()
                ? Optional.empty()
                : Optional.of(new BoostQuery(new TermQuery(new Term(CatalogIndex.TITLE_EXACT, key)), EXACT_TITLE_BOOST));
    }

    /** Empty unless the query is Latin letters only (tone marks are dropped: hóng lóu mèng). */
    private static List<Query> pinyin(String q) {
        String latin = DIACRITICS.matcher(Normalizer.normalize(q, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        if (!LATIN_WORDS.matcher(latin).matches()) {
            return List.of();
        }
        var queries = new ArrayList<Query>();
        syllables(latin).ifPresent(syllables -> {
            queries.add(phrase(CatalogIndex.TITLE_PINYIN, syllables, TITLE_PINYIN_BOOST));
            queries.add(phrase(CatalogIndex.AUTHOR_PINYIN, syllables, AUTHOR_PINYIN_BOOST));
        });
        if (latin.length() >= 2 && latin.length() <= MAX_INITIALS && latin.chars().allMatch(Character::isLetter)) {
            queries.add(new BoostQuery(new TermQuery(new Term(CatalogIndex.TITLE_INITIALS, latin)), INITIALS_BOOST));
            queries.add(new BoostQuery(new TermQuery(new Term(CatalogIndex.AUTHOR_INITIALS, latin)), INITIALS_BOOST));
        }
        return queries;
    }

    /** The syllables of every typed word in order, or empty if any word is not pinyin. */
    private static Optional<List<String>> syllables(String latin) {
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

    private static Query phrase(String field, List<String> syllables, float boost) {
        return new BoostQuery(new PhraseQuery(field, syllables.toArray(String[]::new)), boost);
    }
}
