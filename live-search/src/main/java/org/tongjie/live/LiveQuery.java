package org.tongjie.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import org.tongjie.query.QuerySyntax;
import org.tongjie.search.SearchField;
import org.tongjie.z3950.RpnQuery;
import org.tongjie.z3950.RpnQuery.Structure;
import org.tongjie.z3950.RpnQuery.Truncation;
import org.tongjie.z3950.RpnQuery.Use;

/**
 * The reader's search (the typed query in the hub's own syntax and the advanced form's boxes) as the Type-1
 * query a member's Z39.50 server understands: fields become Bib-1 use attributes, AND/OR/NOT the RPN
 * operators, "phrases" phrase structure and {@code word*} right truncation, so a live member answers the
 * same question the union catalogue does rather than a string of the reader's operators.
 *
 * <p>What Bib-1 cannot say the same way is left out, which widens the member's answer rather than emptying
 * it: a year range and a CLC class (members rarely index CLC, and Bib-1 has no range without relation
 * attributes many targets refuse), and a NOT with nothing to subtract it from.
 */
final class LiveQuery {
    private LiveQuery() {}

    /** The search as RPN; empty when nothing in it can be sent (blank, or only left-out parts). */
    static Optional<RpnQuery> of(String typed, Map<SearchField, String> fields) {
        var parts = new ArrayList<RpnQuery>();
        QuerySyntax.parse(typed).flatMap(LiveQuery::rpn).ifPresent(parts::add);
        fields.forEach((field, value) -> fielded(field, value, false).ifPresent(parts::add));
        return fold(parts, RpnQuery.And::new);
    }

    private static Optional<RpnQuery> rpn(QuerySyntax.Node node) {
        return switch (node) {
            case QuerySyntax.Text t -> t.phrase() ? Optional.of(phrase(Use.ANY, t.text())) : words(Use.ANY, t.text());
            case QuerySyntax.Fielded f -> fielded(f.field(), f.value(), f.phrase());
            case QuerySyntax.Or or -> fold(or.nodes().stream().flatMap(n -> rpn(n).stream()).toList(), RpnQuery.Or::new);
            case QuerySyntax.And and -> and(and.nodes());
            // A NOT on its own subtracts from nothing: Type-1 has no "everything but".
            case QuerySyntax.Not ignored -> Optional.empty();
        };
    }

    /** The kept parts ANDed, then each NOT subtracted from them ({@code @not}). */
    private static Optional<RpnQuery> and(List<QuerySyntax.Node> nodes) {
        var kept = new ArrayList<RpnQuery>();
        var excluded = new ArrayList<RpnQuery>();
        for (QuerySyntax.Node node : nodes) {
            if (node instanceof QuerySyntax.Not not) {
                rpn(not.node()).ifPresent(excluded::add);
            } else {
                rpn(node).ifPresent(kept::add);
            }
        }
        Optional<RpnQuery> result = fold(kept, RpnQuery.And::new);
        for (RpnQuery minus : excluded) {
            result = result.map(left -> new RpnQuery.AndNot(left, minus));
        }
        return result;
    }

    private static Optional<RpnQuery> fielded(SearchField field, String value, boolean phrase) {
        Optional<Use> use = switch (field) {
            case TITLE -> Optional.of(Use.TITLE);
            case AUTHOR -> Optional.of(Use.AUTHOR);
            case SUBJECT -> Optional.of(Use.SUBJECT);
            case ISBN -> Optional.of(Use.ISBN);
            case ISSN -> Optional.of(Use.ISSN);
            // Bib-1's publisher use attribute is seldom indexed; its words are in every target's "any".
            case PUBLISHER -> Optional.of(Use.ANY);
            case YEAR, CLC -> Optional.empty();
        };
        if (use.isEmpty() || value.isBlank()) {
            return Optional.empty();
        }
        if (use.get() == Use.ISBN || use.get() == Use.ISSN) {
            return Optional.of(new RpnQuery.Term(use.get(), value.strip(), Truncation.NONE, Structure.WORD));
        }
        return phrase ? Optional.of(phrase(use.get(), value)) : words(use.get(), value);
    }

    private static RpnQuery phrase(Use use, String text) {
        return new RpnQuery.Term(use, text.strip(), Truncation.NONE, Structure.PHRASE);
    }

    /** One term per word, ANDed: every target reads single words alike, and {@code prid*} truncates just that word. */
    private static Optional<RpnQuery> words(Use use, String text) {
        var terms = new ArrayList<RpnQuery>();
        for (String word : text.strip().split("\\s+")) {
            boolean truncated = word.endsWith("*");
            String stem = truncated ? word.replaceAll("\\*+$", "") : word;
            if (!stem.isEmpty()) {
                terms.add(new RpnQuery.Term(use, stem, truncated ? Truncation.RIGHT : Truncation.NONE, Structure.WORD));
            }
        }
        return fold(terms, RpnQuery.And::new);
    }

    private static Optional<RpnQuery> fold(List<RpnQuery> parts, BinaryOperator<RpnQuery> operator) {
        return parts.stream().reduce(operator);
    }
}
