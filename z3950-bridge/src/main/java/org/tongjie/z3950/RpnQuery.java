package org.tongjie.z3950;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A Type-1 (RPN) query as the Z39.50 server hands it to a {@link CatalogBackend}: terms with the Bib-1
 * attributes we support, combined by AND, OR and AND-NOT. Anything else (other attributes, proximity,
 * result-set operands) is refused with a Bib-1 diagnostic before the backend sees it.
 */
public sealed interface RpnQuery {

    /**
     * Parses PQF as the server does, refusing what it refuses with the same {@link Bib1Exception}s: how a
     * backend in another process reads a query sent to it as {@link #toPqf()}.
     */
    static RpnQuery fromPqf(String pqf) {
        return PqfParser.parse(pqf);
    }

    /** This query as PQF that {@link #fromPqf} reads back to an equal query, every attribute spelt out. */
    default String toPqf() {
        return PqfParser.render(this);
    }

    /**
     * A search term. {@code term} is the client's text as sent (UTF-8), not normalised; for {@link Use#DATE}
     * a year or a range of years ({@code 1990-2000}, {@code 2001-}, {@code -1999}), into which the parser
     * folds Bib-1's relations (2=1 to 2=5).
     */
    record Term(Use use, String term, Truncation truncation, Structure structure) implements RpnQuery {
        public Term {
            Objects.requireNonNull(use, "use");
            Objects.requireNonNull(term, "term");
            Objects.requireNonNull(truncation, "truncation");
            Objects.requireNonNull(structure, "structure");
        }
    }

    record And(RpnQuery left, RpnQuery right) implements RpnQuery {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Or(RpnQuery left, RpnQuery right) implements RpnQuery {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * Every record: Bib-1's AlwaysMatches relation (2=103), whatever the term, as Zebra answers it. How one
     * hub harvests another's whole catalogue over Z39.50.
     */
    record AllRecords() implements RpnQuery {}

    /** Z39.50's AND-NOT ({@code @not} in PQF): {@code left} without {@code right}. */
    record AndNot(RpnQuery left, RpnQuery right) implements RpnQuery {
        public AndNot {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** Bib-1 use attributes (type 1) we serve; any other value is Bib-1 diagnostic 114. */
    enum Use {
        TITLE(4), AUTHOR(1003), ISBN(7), ISSN(8), SUBJECT(21), LOCAL_NUMBER(12), ANY(1016),
        /** 31, date of publication: a year, compared with relations. */
        DATE(31),
        PUBLISHER(1018);

        public final int bib1;

        Use(int bib1) {
            this.bib1 = bib1;
        }

        static Optional<Use> ofBib1(int value) {
            return Arrays.stream(values()).filter(use -> use.bib1 == value).findFirst();
        }
    }

    /** Bib-1 truncation attributes (type 5) we serve; any other value is Bib-1 diagnostic 120. */
    enum Truncation {
        /** 100, also what no truncation attribute means. */
        NONE(100),
        /** 1: every word of the term matches as a prefix. */
        RIGHT(1);

        public final int bib1;

        Truncation(int bib1) {
            this.bib1 = bib1;
        }

        static Optional<Truncation> ofBib1(int value) {
            return Arrays.stream(values()).filter(t -> t.bib1 == value).findFirst();
        }
    }

    /** Bib-1 structure attributes (type 4) we serve; any other value is Bib-1 diagnostic 118. */
    enum Structure {
        /** 1: the words in this order, adjacent. */
        PHRASE(1),
        /** 2: a single word. */
        WORD(2),
        /** 3: the whole field, e.g. an ISBN. */
        KEY(3),
        /** 6, also what no structure attribute means: every word, in any order. */
        WORD_LIST(6),
        /** 105: like a word list. */
        FREE_FORM_TEXT(105);

        public final int bib1;

        Structure(int bib1) {
            this.bib1 = bib1;
        }

        static Optional<Structure> ofBib1(int value) {
            return Arrays.stream(values()).filter(s -> s.bib1 == value).findFirst();
        }
    }
}
