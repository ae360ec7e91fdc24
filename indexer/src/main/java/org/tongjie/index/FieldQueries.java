package org.tongjie.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.tongjie.marc.Isbns;

/**
 * One named field's value as a query ({@code title:红楼梦}, {@code clc:I24}, {@code year:1990-2000}). A value
 * the field cannot hold (an ISBN with a wrong check digit, a year that is not a number) matches nothing.
 */
final class FieldQueries {
    private static final Pattern YEARS = Pattern.compile("(\\d{1,4})?\\s*[-–~]\\s*(\\d{1,4})?");
    private static final Pattern YEAR = Pattern.compile("\\d{1,4}");
    private static final Pattern NOT_CLASS = Pattern.compile("[\\s　]+");

    private FieldQueries() {}

    static Query of(SearchField field, String value, boolean phrase) {
        String v = value.strip();
        return switch (field) {
            case TITLE -> anyOf(concat(words(CatalogIndex.TITLE, v, phrase), exactTitle(v, 1f).stream().toList(),
                    PinyinQueries.titles(v)));
            case AUTHOR -> anyOf(concat(words(CatalogIndex.AUTHOR, v, phrase), List.of(), PinyinQueries.authors(v)));
            case SUBJECT -> anyOf(words(CatalogIndex.SUBJECT, v, phrase));
            case PUBLISHER -> anyOf(words(CatalogIndex.PUBLISHER, v, phrase));
            case ISBN -> isbn(v).or(() -> issn(v)).orElseGet(MatchNoDocsQuery::new);
            case ISSN -> issn(v).orElseGet(MatchNoDocsQuery::new);
            case CLC -> clc(v);
            case YEAR -> years(v).orElseGet(MatchNoDocsQuery::new);
        };
    }

    /** An ISBN-10 or -13 with a right check digit, with or without hyphens, as the ISBN-13 indexed. */
    static Optional<Query> isbn(String text) {
        return Isbns.toIsbn13(text)
                .filter(i -> text.replaceAll("[^0-9Xx]", "").length() >= 10)
                .map(i -> new TermQuery(new Term(CatalogIndex.ISBN, i)));
    }

    /** Eight characters with a right check character, with or without the hyphen, as NNNN-NNNC. */
    static Optional<Query> issn(String text) {
        String compact = text.replaceAll("[\\s\\-]", "");
        return compact.length() == 8
                ? Isbns.toIssn(compact).map(issn -> new TermQuery(new Term(CatalogIndex.ISSN, issn)))
                : Optional.empty();
    }

    static Optional<Query> exactTitle(String text, float boost) {
        String key = ExactTitle.key(text);
        return key.isEmpty()
                ? Optional.empty()
                : Optional.of(new BoostQuery(new TermQuery(new Term(CatalogIndex.TITLE_EXACT, key)), boost));
    }

    /** Any of these; none at all matches nothing. */
    static Query anyOf(List<Query> alternatives) {
        if (alternatives.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        if (alternatives.size() == 1) {
            return alternatives.getFirst();
        }
        var any = new BooleanQuery.Builder();
        alternatives.forEach(a -> any.add(a, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    /** A class number and everything under it: I24 is I242.4, I246.5, I247.5… */
    static String clcKey(String number) {
        return NOT_CLASS.matcher(number).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static Query clc(String value) {
        String key = clcKey(value);
        return key.isEmpty() ? new MatchNoDocsQuery() : new PrefixQuery(new Term(CatalogIndex.CLC, key));
    }

    /** 2008, 1990-2000, 2010- and -1950 (open ends); a reversed range is read the right way round. */
    static Optional<Query> years(String value) {
        if (YEAR.matcher(value).matches()) {
            return Optional.of(IntPoint.newExactQuery(CatalogIndex.YEAR, Integer.parseInt(value)));
        }
        Matcher m = YEARS.matcher(value);
        if (!m.matches() || m.group(1) == null && m.group(2) == null) {
            return Optional.empty();
        }
        int from = m.group(1) == null ? Integer.MIN_VALUE : Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
        return Optional.of(IntPoint.newRangeQuery(CatalogIndex.YEAR, Math.min(from, to), Math.max(from, to)));
    }

    private static List<Query> words(String field, String value, boolean phrase) {
        var parser = new SimpleQueryParser(UserQuery.ANALYZER, field);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return Optional.ofNullable(parser.parse(phrase ? '"' + value + '"' : value)).stream().toList();
    }

    @SafeVarargs
    private static List<Query> concat(List<Query>... lists) {
        var all = new ArrayList<Query>();
        for (var l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** What is wrong with a value of the advanced form, which the reader can fix, unlike a typed query's. */
    static Optional<String> problem(SearchField field, String value) {
        String v = value.strip();
        return switch (field) {
            case ISBN -> isbn(v).or(() -> issn(v)).isPresent() ? Optional.empty()
                    : Optional.of("isbn must be an ISBN-10, ISBN-13 or ISSN with a right check digit, was '" + v + "'");
            case ISSN -> issn(v).isPresent() ? Optional.empty()
                    : Optional.of("issn must be NNNN-NNNC with a right check character, was '" + v + "'");
            case YEAR -> years(v).isPresent() ? Optional.empty()
                    : Optional.of("year must be a year or a range such as 1990-2000, 2010- or -1950, was '" + v + "'");
            case CLC -> clcKey(v).isEmpty() ? Optional.of("clc must be a class number such as I24 or TP3") : Optional.empty();
            default -> v.isEmpty() ? Optional.of(field.key() + " must not be empty") : Optional.empty();
        };
    }
}
