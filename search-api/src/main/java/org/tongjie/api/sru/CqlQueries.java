package org.tongjie.api.sru;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbib.cql.BooleanGroup;
import org.xbib.cql.CQLParser;
import org.xbib.cql.Comparitor;
import org.xbib.cql.PrefixAssignment;
import org.xbib.cql.Query;
import org.xbib.cql.ScopedClause;
import org.xbib.cql.SearchClause;
import org.xbib.cql.SortedQuery;
import org.tongjie.query.CatalogQuery;
import org.tongjie.query.CatalogQuery.Match;

/**
 * CQL, parsed by xbib's cql-common, as the hub's {@link CatalogQuery}; anything we cannot answer is an SRU
 * diagnostic naming it. cql-common keeps a quoted term's quotes and backslashes (we take them off here)
 * and gives {@code ==} and {@code exact} no comparitor (both mean exact match, so a missing one does).
 * Relations: {@code =}, {@code all} every word; {@code any} one of them; {@code adj} the words as a phrase;
 * {@code ==} the whole value. A trailing unescaped {@code *} is right truncation; other masking and
 * anchoring is refused.
 */
final class CqlQueries {
    private CqlQueries() {}

    static CatalogQuery parse(String cql) {
        SortedQuery sorted;
        try {
            var parser = new CQLParser(cql);
            parser.parse();
            sorted = parser.getCQLQuery();
        } catch (RuntimeException e) {
            throw new SruDiagnostic(SruDiagnostic.QUERY_SYNTAX_ERROR, cql, "CQL syntax error: " + e.getMessage());
        }
        if (sorted == null || sorted.getQuery() == null) {
            throw new SruDiagnostic(SruDiagnostic.QUERY_SYNTAX_ERROR, cql, "CQL syntax error: no query");
        }
        if (sorted.getSortSpec() != null) {
            throw new SruDiagnostic(SruDiagnostic.SORT_NOT_SUPPORTED, "sortby", "results come in relevance order only");
        }
        return query(sorted.getQuery(), Map.of());
    }

    private static CatalogQuery query(Query query, Map<String, CqlIndexes.ContextSet> prefixes) {
        if (query.getScopedClause() != null) {
            return scoped(query.getScopedClause(), prefixes);
        }
        var scope = new HashMap<>(prefixes);
        for (PrefixAssignment assignment : query.getPrefixAssignments()) {
            String uri = unquote(assignment.getURI() == null ? assignment.getPrefix().getValue() : assignment.getURI().getValue());
            var set = CqlIndexes.setByIdentifier(uri).orElseThrow(() -> new SruDiagnostic(
                    SruDiagnostic.UNSUPPORTED_CONTEXT_SET, uri, "unknown context set " + uri));
            String prefix = assignment.getURI() == null ? "" : unquote(assignment.getPrefix().getValue());
            scope.put(prefix.toLowerCase(java.util.Locale.ROOT), set);
        }
        if (query.getQuery() == null) {
            throw new SruDiagnostic(SruDiagnostic.QUERY_SYNTAX_ERROR, query.toString(), "a prefix assignment with no query");
        }
        return query(query.getQuery(), scope);
    }

    private static CatalogQuery scoped(ScopedClause clause, Map<String, CqlIndexes.ContextSet> prefixes) {
        CatalogQuery right = search(clause.getSearchClause(), prefixes);
        if (clause.getBooleanGroup() == null) {
            return right;
        }
        CatalogQuery left = scoped(clause.getScopedClause(), prefixes);
        BooleanGroup group = clause.getBooleanGroup();
        if (group.getModifierList() != null) {
            throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_BOOLEAN_MODIFIER, group.getModifierList().toString(),
                    "boolean modifiers are not supported");
        }
        return switch (group.getOperator()) {
            case AND -> new CatalogQuery.And(left, right);
            case OR -> new CatalogQuery.Or(left, right);
            case NOT -> new CatalogQuery.AndNot(left, right);
            case PROX -> throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_BOOLEAN_OPERATOR, "prox", "proximity is not supported");
        };
    }

    private static CatalogQuery search(SearchClause clause, Map<String, CqlIndexes.ContextSet> prefixes) {
        if (clause.getQuery() != null) {
            return query(clause.getQuery(), prefixes);
        }
        List<CatalogQuery.Index> indexes = clause.getIndex() == null ? List.of(CatalogQuery.Index.ANY) : indexes(clause.getIndex(), prefixes);
        Match match = clause.getRelation() == null ? Match.ALL_WORDS : match(clause.getRelation());
        if (clause.getTerm() == null || clause.getTerm().getValue() == null) {
            throw new SruDiagnostic(SruDiagnostic.QUERY_SYNTAX_ERROR, clause.toString().strip(), "and, or, not and prox are"
                    + " CQL's boolean words: to search for one as a word, quote it (title=\"and\")");
        }
        String value = clause.getTerm().getValue();
        CatalogQuery query = term(indexes.getFirst(), match, value);
        for (CatalogQuery.Index other : indexes.subList(1, indexes.size())) {
            query = new CatalogQuery.Or(query, term(other, match, value));
        }
        return query;
    }

    private static List<CatalogQuery.Index> indexes(org.xbib.cql.Index index, Map<String, CqlIndexes.ContextSet> prefixes) {
        String prefix = index.getContext() == null ? "" : index.getContext();
        String qualified = prefix.isEmpty() ? index.getName() : prefix + "." + index.getName();
        CqlIndexes.ContextSet set = prefixes.containsKey(prefix.toLowerCase(java.util.Locale.ROOT))
                ? prefixes.get(prefix.toLowerCase(java.util.Locale.ROOT))
                : prefix.isEmpty() ? CqlIndexes.DEFAULT_SET
                : CqlIndexes.setByPrefix(prefix).orElseThrow(() -> new SruDiagnostic(
                        SruDiagnostic.UNSUPPORTED_CONTEXT_SET, prefix, "unknown context set prefix '" + prefix + "'"));
        return CqlIndexes.find(set, index.getName()).map(CqlIndexes.CqlIndex::indexes).orElseThrow(() -> new SruDiagnostic(
                SruDiagnostic.UNSUPPORTED_INDEX, qualified, "unsupported index " + qualified + " (explain lists the indexes)"));
    }

    private static Match match(org.xbib.cql.Relation relation) {
        if (relation.getModifierList() != null) {
            throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_RELATION_MODIFIER, relation.getModifierList().toString(),
                    "relation modifiers are not supported");
        }
        Comparitor comparitor = relation.getComparitor();
        if (comparitor == null) {
            return Match.EXACT;
        }
        return switch (comparitor) {
            case EQUALS, ALL, CQLALL -> Match.ALL_WORDS;
            case ANY, CQLANY -> Match.ANY_WORD;
            case ADJ, CQLADJ -> Match.PHRASE;
            default -> throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_RELATION, comparitor.getToken(),
                    "unsupported relation " + comparitor.getToken() + " (use =, ==, all, any or adj)");
        };
    }

    private static CatalogQuery term(CatalogQuery.Index index, Match match, String raw) {
        String quoted = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
        var text = new StringBuilder();
        boolean truncated = false;
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                text.append(quoted.charAt(++i));
            } else if (c == '*' && i == quoted.length() - 1 && !text.isEmpty()) {
                truncated = true;
            } else if (c == '*' || c == '?') {
                throw new SruDiagnostic(SruDiagnostic.MASKING_NOT_SUPPORTED, raw, "only a trailing * is supported");
            } else if (c == '^') {
                throw new SruDiagnostic(SruDiagnostic.ANCHORING_NOT_SUPPORTED, raw, "anchoring (^) is not supported");
            } else {
                text.append(c);
            }
        }
        if (text.toString().isBlank()) {
            throw new SruDiagnostic(SruDiagnostic.EMPTY_TERM, raw, "an empty term matches nothing");
        }
        return new CatalogQuery.Clause(index, match, text.toString(), truncated);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
