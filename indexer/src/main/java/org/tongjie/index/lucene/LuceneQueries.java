package org.tongjie.index.lucene;

import org.tongjie.query.CatalogQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.IntField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.tongjie.index.lucene.CatalogIndex;
import org.tongjie.search.Facet;
import org.tongjie.catalog.Isbns;

/**
 * A {@link CatalogQuery} as a Lucene query over the hub's index. Text is analysed with the index's own
 * analyser, so 三體 finds 三体 and Brontë finds Bronte as in the web search; ISBNs, ISSNs and record numbers
 * are exact terms, normalised as the indexer normalises them. A term that cannot match (an ISBN with a wrong
 * check digit, only punctuation) is a search with no hits, not an error: that is what a catalogue's user
 * expects. Thread-safe.
 */
public final class LuceneQueries {
    /** A year, or a range with either end open: 1990-2000, 2001-, -1999. */
    private static final Pattern YEARS = Pattern.compile("(\\d{0,4})(?:(-)(\\d{0,4}))?");
    private final Analyzer analyzer = CatalogIndex.analyzer();

    public Query toLucene(CatalogQuery query) {
        return switch (query) {
            case CatalogQuery.Clause clause -> clause(clause);
            case CatalogQuery.And and -> both(toLucene(and.left()), Occur.MUST, toLucene(and.right()), Occur.MUST);
            case CatalogQuery.Or or -> both(toLucene(or.left()), Occur.SHOULD, toLucene(or.right()), Occur.SHOULD);
            case CatalogQuery.AndNot not -> both(toLucene(not.left()), Occur.MUST, toLucene(not.right()), Occur.MUST_NOT);
        };
    }

    /**
     * The Lucene field an index is scanned in and {@code start} as that field holds its terms: the first
     * word as the analyser makes it for text, the normalised value for identifiers (an ISBN that does not
     * read stays its digits, so a scan still starts near it).
     *
     * @throws IllegalArgumentException for {@link CatalogQuery.Index#ANY}, whose words come from every field
     */
    public ScanStart scanStart(CatalogQuery.Index index, String start) {
        String value = start.strip();
        return switch (index) {
            case TITLE -> firstWord(CatalogIndex.TITLE, value);
            case AUTHOR -> firstWord(CatalogIndex.AUTHOR, value);
            case SUBJECT -> firstWord(CatalogIndex.SUBJECT, value);
            case ISBN -> new ScanStart(CatalogIndex.ISBN,
                    Isbns.toIsbn13(value).orElse(value.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT)));
            case ISSN -> new ScanStart(CatalogIndex.ISSN, Isbns.toIssn(value).orElse(value.toUpperCase(Locale.ROOT)));
            case CLC -> new ScanStart(CatalogIndex.CLC, org.tongjie.search.FieldValues.clcKey(value));
            case LOCAL_ID -> new ScanStart(CatalogIndex.LOCAL_ID, value);
            case LIBRARY -> new ScanStart(CatalogIndex.LIBRARY, value);
            case RECORD_ID -> new ScanStart(CatalogIndex.ID, value);
            case PUBLISHER -> firstWord(CatalogIndex.PUBLISHER, value);
            case ANY -> throw new IllegalArgumentException("the ANY index has no terms of its own to scan");
            case YEAR, ALL_RECORDS -> throw new IllegalArgumentException("the " + index + " index has no terms to scan");
        };
    }

    /** A field of the index and the term a scan of it starts at. */
    public record ScanStart(String field, String term) {}

    private ScanStart firstWord(String field, String value) {
        List<Token> tokens = analyse(field, value);
        return new ScanStart(field, tokens.isEmpty() ? value.toLowerCase(Locale.ROOT) : tokens.getFirst().text());
    }

    private static Query both(Query left, Occur leftOccur, Query right, Occur rightOccur) {
        return new BooleanQuery.Builder().add(left, leftOccur).add(right, rightOccur).build();
    }

    private Query clause(CatalogQuery.Clause clause) {
        boolean prefix = clause.rightTruncated();
        String value = clause.term().strip();
        return switch (clause.index()) {
            case ANY -> text(CatalogIndex.ALL, clause);
            case TITLE -> text(CatalogIndex.TITLE, clause);
            case AUTHOR -> text(CatalogIndex.AUTHOR, clause);
            case SUBJECT -> text(CatalogIndex.SUBJECT, clause);
            case ISBN -> prefix
                    ? exact(CatalogIndex.ISBN, value.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT), true)
                    : Isbns.toIsbn13(value).<Query>map(isbn -> new TermQuery(new Term(CatalogIndex.ISBN, IndexKeys.exact(isbn))))
                            .orElseGet(MatchNoDocsQuery::new);
            case ISSN -> prefix
                    ? exact(CatalogIndex.ISSN, value.toUpperCase(Locale.ROOT), true)
                    : Isbns.toIssn(value).<Query>map(issn -> new TermQuery(new Term(CatalogIndex.ISSN, IndexKeys.exact(issn))))
                            .orElseGet(MatchNoDocsQuery::new);
            case LOCAL_ID -> exact(CatalogIndex.LOCAL_ID, value, prefix);
            case RECORD_ID -> value.isEmpty() ? new MatchNoDocsQuery() : both(
                    exact(CatalogIndex.ID, value, prefix), Occur.SHOULD, exact(CatalogIndex.MEMBER, value, prefix), Occur.SHOULD);
            case LIBRARY -> exact(CatalogIndex.LIBRARY, value, prefix);
            case CLC -> value.length() == 1
                    ? new TermQuery(DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, Facet.CLC.dim(),
                            value.toUpperCase(Locale.ROOT)))
                    : new MatchNoDocsQuery();
            case PUBLISHER -> text(CatalogIndex.PUBLISHER, clause);
            case YEAR -> years(value);
            case ALL_RECORDS -> new PrefixQuery(new Term(CatalogIndex.ID, ""));
        };
    }

    /** A year, or years as {@code 1990-2000}, {@code 2001-} or {@code -1999}; anything else matches nothing. */
    private static Query years(String value) {
        var range = YEARS.matcher(value.strip());
        if (!range.matches() || range.group(1).isEmpty() && (range.group(3) == null || range.group(3).isEmpty())) {
            return new MatchNoDocsQuery();
        }
        if (range.group(2) == null) {
            return IntField.newExactQuery(CatalogIndex.YEAR, Integer.parseInt(range.group(1)));
        }
        int from = range.group(1).isEmpty() ? Integer.MIN_VALUE : Integer.parseInt(range.group(1));
        int to = range.group(3).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(range.group(3));
        return IntField.newRangeQuery(CatalogIndex.YEAR, from, to);
    }

    private static Query exact(String field, String value, boolean prefix) {
        if (value.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        return prefix ? new PrefixQuery(new Term(field, IndexKeys.queryPrefix(value)))
                : new TermQuery(new Term(field, IndexKeys.exact(value)));
    }

    /**
     * Phrases keep the words' order and adjacency; word lists need every word anywhere in the field, and
     * any-word lists one of them. Han text is indexed as overlapping bigrams, so a Chinese word is itself a
     * phrase: 刘慈欣 must not match 刘 … 慈欣 in different names. Right truncation makes every word a prefix
     * (a lone Han character is a prefix of its bigrams).
     */
    private Query text(String field, CatalogQuery.Clause clause) {
        List<Token> tokens = analyse(field, clause.term());
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        Occur each = clause.match() == CatalogQuery.Match.ANY_WORD ? Occur.SHOULD : Occur.MUST;
        if (clause.rightTruncated()) {
            var words = new BooleanQuery.Builder();
            tokens.forEach(t -> words.add(new PrefixQuery(new Term(field, t.text())), each));
            return words.build();
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst().text()));
        }
        if (clause.match() == CatalogQuery.Match.PHRASE || clause.match() == CatalogQuery.Match.EXACT) {
            return phrase(field, tokens);
        }
        var words = new BooleanQuery.Builder();
        for (List<Token> word : words(tokens)) {
            words.add(word.size() == 1 ? new TermQuery(new Term(field, word.getFirst().text())) : phrase(field, word), each);
        }
        return words.build();
    }

    private static Query phrase(String field, List<Token> tokens) {
        var phrase = new PhraseQuery.Builder();
        tokens.forEach(t -> phrase.add(new Term(field, t.text()), t.position()));
        return phrase.build();
    }

    /** Consecutive Han bigrams (which overlap by one position) grouped into one word each. */
    private static List<List<Token>> words(List<Token> tokens) {
        var words = new ArrayList<List<Token>>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            boolean continues = !current.isEmpty() && token.bigram() && current.getLast().bigram()
                    && token.position() == current.getLast().position() + 1
                    && current.getLast().text().endsWith(Character.toString(token.text().codePointAt(0)));
            if (!continues && !current.isEmpty()) {
                words.add(current);
                current = new ArrayList<>();
            }
            current.add(token);
        }
        words.add(current);
        return words;
    }

    private record Token(String text, int position, boolean bigram) {}

    private List<Token> analyse(String field, String text) {
        var tokens = new ArrayList<Token>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute chars = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(chars.toString(), position, CJKBigramFilter.DOUBLE_TYPE.equals(type.type())));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing '" + text + "' failed", e);
        }
        return tokens;
    }
}
