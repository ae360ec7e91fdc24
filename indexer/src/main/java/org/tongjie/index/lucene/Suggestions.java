package org.tongjie.index.lucene;

import org.tongjie.search.Suggestion;
import org.tongjie.text.Pinyin;
import org.tongjie.text.SimplifiedChinese;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Autocomplete for titles and authors, from fields of the main index, so suggestions follow the same
 * searcher refreshes as results. Each title and author is indexed under keys a reader may be typing:
 * its characters (simplified, without spaces or punctuation), its pinyin run together and its initials
 * (红楼梦: 红楼梦, hongloumeng, hlm), as the start of the text and, for words inside it, from each word or
 * Han character on (荔枝 and lizhi find 长安的荔枝). What was typed is read the same way and matched as
 * a prefix; matches at the start rank above matches inside, and widely held records above rare ones.
 */
final class Suggestions {
    private static final String TITLE_VALUE = "suggest_title";
    private static final String AUTHOR_VALUE = "suggest_author";
    private static final String START = "suggest_start";
    private static final String INSIDE = "suggest_inside";
    /** Keys from inside a text start at most this many words or characters in: long titles stay cheap. */
    private static final int MAX_INSIDE = 12;
    private static final int MAX_KEY = 64;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD_START = Pattern.compile("(?<=[^\\p{L}\\p{N}])[\\p{L}\\p{N}]");

    private Suggestions() {}

    static void addTo(Document doc, Collection<String> titles, Collection<String> authors) {
        var start = new LinkedHashSet<String>();
        var inside = new LinkedHashSet<String>();
        for (String t : titles) {
            doc.add(new StoredField(TITLE_VALUE, t));
            start.addAll(startKeys(t));
            inside.addAll(insideKeys(t));
        }
        for (String a : authors) {
            doc.add(new StoredField(AUTHOR_VALUE, a));
            start.addAll(startKeys(a));
            inside.addAll(insideKeys(a));
        }
        start.forEach(k -> doc.add(new StringField(START, k, Field.Store.NO)));
        inside.removeAll(start);
        inside.forEach(k -> doc.add(new StringField(INSIDE, k, Field.Store.NO)));
    }

    /** Up to {@code size} titles and authors for what the reader has typed so far, best first. */
    static List<Suggestion> suggest(IndexSearcher searcher, String typed, int size) throws IOException {
        String key = key(typed);
        if (key.isEmpty()) {
            return List.of();
        }
        var prefix = new BooleanQuery.Builder()
                .add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(new Term(START, key))), 2f), BooleanClause.Occur.SHOULD)
                .add(new ConstantScoreQuery(new PrefixQuery(new Term(INSIDE, key))), BooleanClause.Occur.SHOULD)
                .build();
        Query ranked = new BooleanQuery.Builder()
                .add(prefix, BooleanClause.Occur.MUST)
                .add(FeatureField.newSaturationQuery(CatalogIndex.FEATURES, CatalogIndex.HOLDERS, 0.5f, 2f), BooleanClause.Occur.SHOULD)
                .build();
        var starting = new LinkedHashSet<Suggestion>();
        var within = new LinkedHashSet<Suggestion>();
        for (ScoreDoc hit : searcher.search(ranked, size * 3).scoreDocs) {
            Document stored = searcher.storedFields().document(hit.doc, Set.of(TITLE_VALUE, AUTHOR_VALUE));
            collect(stored.getValues(TITLE_VALUE), Suggestion.Kind.TITLE, key, starting, within);
            collect(stored.getValues(AUTHOR_VALUE), Suggestion.Kind.AUTHOR, key, starting, within);
        }
        var out = new ArrayList<>(starting);
        within.stream().filter(s -> !starting.contains(s)).forEach(out::add);
        return List.copyOf(out.subList(0, Math.min(size, out.size())));
    }

    private static void collect(String[] values, Suggestion.Kind kind, String key, Set<Suggestion> starting, Set<Suggestion> within) {
        for (String v : values) {
            if (startKeys(v).stream().anyMatch(k -> k.startsWith(key))) {
                starting.add(new Suggestion(v, kind));
            } else if (insideKeys(v).stream().anyMatch(k -> k.startsWith(key))) {
                within.add(new Suggestion(v, kind));
            }
        }
    }

    /**
     * Letters and digits only, simplified, lower case, without accents: 紅樓 夢 → 红楼梦, "Aïda" → aida. Cut
     * to its first {@value #MAX_KEY} characters (a prefix needs no more), whole characters kept.
     */
    static String key(String text) {
        String key = MARKS.matcher(Normalizer.normalize(ExactTitle.key(text), Normalizer.Form.NFD)).replaceAll("");
        return key.codePointCount(0, key.length()) > MAX_KEY ? key.substring(0, key.offsetByCodePoints(0, MAX_KEY)) : key;
    }

    private static Set<String> startKeys(String text) {
        var keys = new LinkedHashSet<String>();
        keys.add(key(text));
        if (SimplifiedChinese.hasHan(text)) {
            List<String> syllables = Pinyin.of(text);
            keys.add(key(String.join("", syllables)));
            keys.add(key(Pinyin.initials(syllables)));
        }
        keys.remove("");
        return keys;
    }

    private static Set<String> insideKeys(String text) {
        var keys = new LinkedHashSet<String>();
        if (SimplifiedChinese.hasHan(text)) {
            String simplified = SimplifiedChinese.of(text);
            for (int i = 1; i < simplified.length() && keys.size() < MAX_INSIDE; i++) {
                keys.add(key(simplified.substring(i)));
            }
            List<String> syllables = Pinyin.of(text);
            for (int i = 1; i < syllables.size() && i <= MAX_INSIDE; i++) {
                keys.add(key(String.join("", syllables.subList(i, syllables.size()))));
            }
        } else {
            var words = WORD_START.matcher(text);
            for (int n = 0; words.find() && n < MAX_INSIDE; n++) {
                keys.add(key(text.substring(words.start())));
            }
        }
        keys.remove("");
        return keys;
    }
}
