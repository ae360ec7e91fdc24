package org.tongjie.index.lucene;

import org.tongjie.query.QuerySyntax;
import org.tongjie.search.SearchField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;

/**
 * What a reader types, to a Lucene query. The structure ({@link QuerySyntax}: fields, AND/OR/NOT,
 * parentheses) is read leniently, and the words between operators go together to
 * {@link SimpleQueryParser}, which never throws either, so garbage gets few or no hits rather than an
 * error. Beside the words themselves, any of these may match a run of words:
 * <ul>
 *   <li>an ISBN in either form, with or without hyphens, as the normalised ISBN-13, or an ISSN;</li>
 *   <li>the whole run as a whole title (三體 = 三体), ranked far above partial matches;</li>
 *   <li>Latin letters that spell pinyin, spaced or not, in the titles' and authors' pinyin
 *       ({@link PinyinQueries}).</li>
 * </ul>
 */
final class UserQuery {
    private static final Map<String, Float> FIELD_BOOSTS = Map.of(
            CatalogIndex.TITLE, 4f,
            CatalogIndex.AUTHOR, 2f,
            CatalogIndex.SUBJECT, 1f,
            CatalogIndex.PUBLISHER, 0.5f,
            CatalogIndex.ALL, 1f);
    /**
     * One analyser for every query and highlight: an analyser keeps its token streams per thread for reuse,
     * so a new one per query would build them all again each time.
     */
    static final Analyzer ANALYZER = new CatalogAnalyzer();
    private static final float EXACT_TITLE_BOOST = 20f;
    private static final float ISBN_BOOST = 10f;

    private UserQuery() {}

    /** The typed query and every field of the advanced form, all required; everything when both are empty. */
    static Query parse(String text, Map<SearchField, String> fields) {
        var all = new BooleanQuery.Builder();
        Optional<QuerySyntax.Node> typed = QuerySyntax.parse(text);
        if (typed.isEmpty() && !text.isBlank()) {
            return new MatchNoDocsQuery();
        }
        typed.ifPresent(node -> all.add(toQuery(node), BooleanClause.Occur.MUST));
        fields.forEach((field, value) -> all.add(FieldQueries.of(field, value, false), BooleanClause.Occur.MUST));
        BooleanQuery query = all.build();
        return query.clauses().isEmpty() ? new MatchAllDocsQuery() : query;
    }

    private static Query toQuery(QuerySyntax.Node node) {
        return switch (node) {
            case QuerySyntax.Text t -> text(List.of(t));
            case QuerySyntax.Fielded f -> FieldQueries.of(f.field(), f.value(), f.phrase());
            case QuerySyntax.Not n -> new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                    .add(toQuery(n.node()), BooleanClause.Occur.MUST_NOT).build();
            case QuerySyntax.Or or -> {
                var any = new BooleanQuery.Builder();
                or.nodes().forEach(n -> any.add(toQuery(n), BooleanClause.Occur.SHOULD));
                yield any.build();
            }
            case QuerySyntax.And and -> and(and.nodes());
        };
    }

    /** Neighbouring words are one run ("hong lou meng" is one pinyin phrase); negations exclude. */
    private static Query and(List<QuerySyntax.Node> nodes) {
        var all = new BooleanQuery.Builder();
        var run = new ArrayList<QuerySyntax.Text>();
        boolean positive = false;
        for (QuerySyntax.Node node : nodes) {
            if (node instanceof QuerySyntax.Text t) {
                run.add(t);
                continue;
            }
            positive |= flush(run, all);
            if (node instanceof QuerySyntax.Not n) {
                all.add(toQuery(n.node()), BooleanClause.Occur.MUST_NOT);
            } else {
                all.add(toQuery(node), BooleanClause.Occur.MUST);
                positive = true;
            }
        }
        positive |= flush(run, all);
        if (!positive) {
            all.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    private static boolean flush(List<QuerySyntax.Text> run, BooleanQuery.Builder all) {
        if (run.isEmpty()) {
            return false;
        }
        all.add(text(List.copyOf(run)), BooleanClause.Occur.MUST);
        run.clear();
        return true;
    }

    /** Words and phrases typed together, searched in every field and as a title, ISBN or pinyin. */
    private static Query text(List<QuerySyntax.Text> run) {
        String forParser = String.join(" ", run.stream().map(t -> t.phrase() ? '"' + t.text() + '"' : t.text()).toList());
        String plain = String.join(" ", run.stream().map(QuerySyntax.Text::text).toList());
        var parser = new SimpleQueryParser(ANALYZER, FIELD_BOOSTS);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        var alternatives = new ArrayList<Query>();
        Optional.ofNullable(parser.parse(forParser)).ifPresent(alternatives::add);
        FieldQueries.isbn(plain).or(() -> FieldQueries.issn(plain)).map(q -> new BoostQuery(q, ISBN_BOOST)).ifPresent(alternatives::add);
        FieldQueries.exactTitle(plain, EXACT_TITLE_BOOST).ifPresent(alternatives::add);
        alternatives.addAll(PinyinQueries.titlesAndAuthors(plain));
        return FieldQueries.anyOf(alternatives);
    }
}
