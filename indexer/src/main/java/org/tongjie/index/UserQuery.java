package org.tongjie.index;

import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.tongjie.marc.Isbns;

/**
 * What a reader types, to a Lucene query. {@link SimpleQueryParser} never throws, whatever the input
 * ("+-\"(((" is a query like any other), so garbage gets few or no hits rather than an error. An ISBN in
 * either form, with or without hyphens, also matches the normalised ISBN-13 exactly.
 */
final class UserQuery {
    private static final Map<String, Float> FIELD_BOOSTS = Map.of(
            CatalogIndex.TITLE, 4f,
            CatalogIndex.AUTHOR, 2f,
            CatalogIndex.SUBJECT, 1f,
            CatalogIndex.PUBLISHER, 0.5f,
            CatalogIndex.ALL, 1f);

    private UserQuery() {}

    static Query parse(String text) {
        String q = text.strip();
        if (q.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        var parser = new SimpleQueryParser(new CatalogAnalyzer(), FIELD_BOOSTS);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query parsed = parser.parse(q);
        var isbn = Isbns.toIsbn13(q).filter(i -> q.replaceAll("[^0-9Xx]", "").length() >= 10);
        if (isbn.isEmpty()) {
            return parsed == null ? new MatchNoDocsQuery() : parsed;
        }
        var either = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(CatalogIndex.ISBN, isbn.get())), 10f), BooleanClause.Occur.SHOULD);
        if (parsed != null) {
            either.add(parsed, BooleanClause.Occur.SHOULD);
        }
        return either.build();
    }
}
