package org.tongjie.app.z3950;

import org.tongjie.query.CatalogQuery;
import org.tongjie.query.CatalogQuery.Index;
import org.tongjie.query.CatalogQuery.Match;
import org.tongjie.z3950.RpnQuery;

/**
 * A Type-1 query as the hub's {@link CatalogQuery}, so Z39.50 and SRU searches mean the same. The server has
 * already refused (Bib-1 diagnostics) every attribute it does not know; each Bib-1 use maps to one index and
 * each structure to one way of matching words.
 */
final class RpnQueries {
    private RpnQueries() {}

    static CatalogQuery of(RpnQuery query) {
        return switch (query) {
            case RpnQuery.Term term -> new CatalogQuery.Clause(index(term.use()), match(term.structure()), term.term(),
                    term.truncation() == RpnQuery.Truncation.RIGHT);
            case RpnQuery.And and -> new CatalogQuery.And(of(and.left()), of(and.right()));
            case RpnQuery.Or or -> new CatalogQuery.Or(of(or.left()), of(or.right()));
            case RpnQuery.AndNot not -> new CatalogQuery.AndNot(of(not.left()), of(not.right()));
            case RpnQuery.AllRecords all -> CatalogQuery.Clause.of(Index.ALL_RECORDS, "");
        };
    }

    static Index index(RpnQuery.Use use) {
        return switch (use) {
            case TITLE -> Index.TITLE;
            case AUTHOR -> Index.AUTHOR;
            case SUBJECT -> Index.SUBJECT;
            case ANY -> Index.ANY;
            case ISBN -> Index.ISBN;
            case ISSN -> Index.ISSN;
            case LOCAL_NUMBER -> Index.LOCAL_ID;
            case DATE -> Index.YEAR;
            case PUBLISHER -> Index.PUBLISHER;
        };
    }

    /** Phrase and key structures keep the words' order and adjacency; the rest need every word. */
    private static Match match(RpnQuery.Structure structure) {
        return switch (structure) {
            case PHRASE -> Match.PHRASE;
            case KEY -> Match.EXACT;
            case WORD, WORD_LIST, FREE_FORM_TEXT -> Match.ALL_WORDS;
        };
    }
}
