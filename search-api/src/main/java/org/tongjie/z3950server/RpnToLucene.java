package org.tongjie.z3950server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.tongjie.index.CatalogIndex;
import org.tongjie.marc.Isbns;
import org.tongjie.z3950.RpnQuery;

/**
 * A Type-1 query to a Lucene query over the hub's index. Text uses are analysed with the index's own
 * analyser, so 三體 finds 三体 and Brontë finds Bronte as in the web search; ISBNs, ISSNs and local numbers
 * are exact terms, normalised as the indexer normalises them. A term that cannot match (an ISBN with a
 * wrong check digit, only punctuation) is a search with no hits, not an error: that is what a client's
 * user expects from a catalogue.
 */
final class RpnToLucene {
    static final String TITLE = CatalogIndex.TITLE;
    static final String AUTHOR = CatalogIndex.AUTHOR;
    static final String SUBJECT = CatalogIndex.SUBJECT;
    static final String ANY = CatalogIndex.ALL;
    static final String ISBN = CatalogIndex.ISBN;
    static final String ISSN = CatalogIndex.ISSN;
    static final String LOCAL_ID = CatalogIndex.LOCAL_ID;

    private final Analyzer analyzer = CatalogIndex.analyzer();

    Query toLucene(RpnQuery query) {
        return switch (query) {
            case RpnQuery.Term term -> term(term);
            case RpnQuery.And and -> both(toLucene(and.left()), Occur.MUST, toLucene(and.right()), Occur.MUST);
            case RpnQuery.Or or -> both(toLucene(or.left()), Occur.SHOULD, toLucene(or.right()), Occur.SHOULD);
            case RpnQuery.AndNot not -> both(toLucene(not.left()), Occur.MUST, toLucene(not.right()), Occur.MUST_NOT);
        };
    }

    private static Query both(Query left, Occur leftOccur, Query right, Occur rightOccur) {
        return new BooleanQuery.Builder().add(left, leftOccur).add(right, rightOccur).build();
    }

    private Query term(RpnQuery.Term term) {
        boolean prefix = term.truncation() == RpnQuery.Truncation.RIGHT;
        return switch (term.use()) {
            case TITLE -> text(TITLE, term);
            case AUTHOR -> text(AUTHOR, term);
            case SUBJECT -> text(SUBJECT, term);
            case ANY -> text(ANY, term);
            case ISBN -> prefix
                    ? exact(ISBN, term.term().replaceAll("[^0-9Xx]", "").toUpperCase(), true)
                    : Isbns.toIsbn13(term.term()).<Query>map(isbn -> new TermQuery(new Term(ISBN, isbn)))
                            .orElseGet(MatchNoDocsQuery::new);
            case ISSN -> prefix
                    ? exact(ISSN, term.term().strip().toUpperCase(), true)
                    : Isbns.toIssn(term.term()).<Query>map(issn -> new TermQuery(new Term(ISSN, issn)))
                            .orElseGet(MatchNoDocsQuery::new);
            case LOCAL_NUMBER -> exact(LOCAL_ID, term.term().strip(), prefix);
        };
    }

    private static Query exact(String field, String value, boolean prefix) {
        if (value.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        return prefix ? new PrefixQuery(new Term(field, value)) : new TermQuery(new Term(field, value));
    }

    /**
     * Phrase and key structures keep the words' order and adjacency; word lists (the default) need every
     * word anywhere in the field. Han text is indexed as overlapping bigrams, so a Chinese word list is
     * also a phrase: 刘慈欣 must not match 刘 … 慈欣 in different names. Right truncation makes every word a
     * prefix (a lone Han character is a prefix of its bigrams).
     */
    private Query text(String field, RpnQuery.Term term) {
        List<Token> tokens = analyse(field, term.term());
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        if (term.truncation() == RpnQuery.Truncation.RIGHT) {
            var all = new BooleanQuery.Builder();
            tokens.forEach(t -> all.add(new PrefixQuery(new Term(field, t.text())), Occur.MUST));
            return all.build();
        }
        boolean phrase = term.structure() == RpnQuery.Structure.PHRASE || term.structure() == RpnQuery.Structure.KEY;
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst().text()));
        }
        if (phrase) {
            return phrase(field, tokens);
        }
        var all = new BooleanQuery.Builder();
        for (List<Token> word : words(tokens)) {
            all.add(word.size() == 1 ? new TermQuery(new Term(field, word.getFirst().text())) : phrase(field, word),
                    Occur.MUST);
        }
        return all.build();
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
            var type = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.TypeAttribute.class);
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
