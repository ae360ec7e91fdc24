package org.tongjie.index.lucene;

import org.tongjie.search.SearchField;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.tongjie.search.FieldValues;

/**
 * One named field's value as a query ({@code title:红楼梦}, {@code clc:I24}, {@code year:1990-2000}). A value
 * the field cannot hold (an ISBN with a wrong check digit, a year that is not a number) matches nothing.
 */
final class FieldQueries {

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

    static Optional<Query> isbn(String text) {
        return FieldValues.isbn(text).map(i -> new TermQuery(new Term(CatalogIndex.ISBN, IndexKeys.exact(i))));
    }

    static Optional<Query> issn(String text) {
        return FieldValues.issn(text).map(issn -> new TermQuery(new Term(CatalogIndex.ISSN, IndexKeys.exact(issn))));
    }

    static Optional<Query> exactTitle(String text, float boost) {
        String key = ExactTitle.key(text);
        return key.isEmpty()
                ? Optional.empty()
                : Optional.of(new BoostQuery(new TermQuery(new Term(CatalogIndex.TITLE_EXACT, IndexKeys.exact(key))), boost));
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

    private static Query clc(String value) {
        String key = FieldValues.clcKey(value);
        return key.isEmpty() ? new MatchNoDocsQuery() : new PrefixQuery(new Term(CatalogIndex.CLC, IndexKeys.queryPrefix(key)));
    }

    static Optional<Query> years(String value) {
        return FieldValues.years(value).map(r -> IntPoint.newRangeQuery(CatalogIndex.YEAR, r.from(), r.to()));
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
}
