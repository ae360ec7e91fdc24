package org.tongjie.z3950;

import java.util.Objects;

/** A search sent to a Z39.50 target. */
public sealed interface Query permits Query.Pqf, Query.Cql {

    String text();

    /**
     * Prefix Query Format, e.g. {@code @attr 1=4 computer} (Bib-1 use attribute 4, title). Every Z39.50
     * target takes it: ZOOM turns it into a type-1 (RPN) query on our side, so a malformed one fails before
     * anything is sent.
     */
    record Pqf(String text) implements Query {
        public Pqf {
            requireText(text, "PQF");
        }
    }

    /**
     * CQL, e.g. {@code title=computer}, sent as is (a type-104 query): the target must parse CQL itself.
     * yaz-ztest does; Zebra answers Bib-1 diagnostic 107 (query type not supported) unless its server
     * configuration maps CQL to RPN, and so do most library systems' Z39.50 targets. Use {@link Pqf} for
     * those.
     */
    record Cql(String text) implements Query {
        public Cql {
            requireText(text, "CQL");
        }
    }

    private static void requireText(String text, String language) {
        Objects.requireNonNull(text, language + " query");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a " + language + " query must not be blank, was '" + text + "'");
        }
    }
}
