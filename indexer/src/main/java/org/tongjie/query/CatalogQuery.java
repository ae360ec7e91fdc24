package org.tongjie.query;

import java.util.Objects;

/**
 * A search over the union catalogue, whatever protocol asked for it: CQL from SRU and Type-1 (RPN) queries
 * from Z39.50 both map into this, and the union index translates it once ({@link org.tongjie.index.UnionIndex#find};
 * for Lucene, {@code LuceneQueries}), so a title search means the same over both protocols. Each protocol refuses what it cannot map with its own
 * diagnostics before building one of these.
 */
public sealed interface CatalogQuery {

    /**
     * A term searched in one index. {@code term} is the client's text as sent, not normalised;
     * {@code rightTruncated} makes every word of it a prefix (the masking {@code *} already removed).
     */
    record Clause(Index index, Match match, String term, boolean rightTruncated) implements CatalogQuery {
        public Clause {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(term, "term");
        }

        public static Clause of(Index index, String term) {
            return new Clause(index, Match.ALL_WORDS, term, false);
        }
    }

    record And(CatalogQuery left, CatalogQuery right) implements CatalogQuery {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Or(CatalogQuery left, CatalogQuery right) implements CatalogQuery {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code left} without {@code right}: CQL's NOT, Z39.50's AND-NOT. */
    record AndNot(CatalogQuery left, CatalogQuery right) implements CatalogQuery {
        public AndNot {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** Where a term is looked for. */
    enum Index {
        /** Every searchable word of the record. */
        ANY,
        TITLE,
        AUTHOR,
        SUBJECT,
        /** ISBN-10 or ISBN-13, any hyphenation: matched as the ISBN-13 the indexer keeps. */
        ISBN,
        ISSN,
        /** A member's own record id (what its record identity reads: 001, 999 $c, 035...), exact. */
        LOCAL_ID,
        /** The hub's id of a union record, or of any source record in it. */
        RECORD_ID,
        /** The id of a member library that holds a copy. */
        LIBRARY,
        /** The Chinese Library Classification top class (A–Z) of any source record. */
        CLC,
        /** The publisher's name, as words. */
        PUBLISHER,
        /** The year of publication of the describing record, four digits. */
        YEAR,
        /** Every union record, whatever the term (CQL's cql.allRecords). */
        ALL_RECORDS
    }

    /** How the words of a term must occur in a text index; identifier indexes always match whole values. */
    enum Match {
        /** Every word, anywhere in the field (CQL {@code all} and {@code =}, Bib-1 word lists). */
        ALL_WORDS,
        /** At least one of the words (CQL {@code any}). */
        ANY_WORD,
        /** The words in this order, adjacent (CQL {@code adj}, Bib-1 phrase structure). */
        PHRASE,
        /** The whole value (CQL {@code ==}, Bib-1 key structure); for text, an adjacent phrase. */
        EXACT
    }
}
