package org.tongjie.z3950;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the PQF text YAZ renders from a decoded Z_RPNQuery ({@code yaz_rpnquery_to_wrbuf}) into an
 * {@link RpnQuery}. Reading YAZ's rendering rather than walking the C union by hand keeps the native
 * surface to one call; the grammar is YAZ's (yaz/querytowrbuf.c): {@code @attrset NAME}, {@code @and},
 * {@code @or}, {@code @not}, {@code @prox ...}, {@code @set NAME}, {@code @attr [SET] TYPE=VALUE},
 * {@code @term TYPE}, and terms, quoted with backslash escapes when they hold blanks. Everything we do
 * not serve is a {@link Bib1Exception} naming the offending part.
 */
final class PqfParser {
    private static final int RELATION_EQUAL = 3;
    private static final int ALWAYS_MATCHES = 103;
    private static final int POSITION_ANY = 3;

    private final List<Token> tokens;
    private int at;

    private PqfParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static RpnQuery parse(String pqf) {
        PqfParser parser = new PqfParser(tokenize(pqf));
        parser.attributeSet();
        RpnQuery query = parser.structure();
        if (parser.at != parser.tokens.size()) {
            throw malformed(pqf);
        }
        return query;
    }

    /** The query in the grammar {@link #parse} reads, terms always quoted so blanks and {@code @} survive. */
    static String render(RpnQuery query) {
        return switch (query) {
            case RpnQuery.Term term -> "@attr 1=" + term.use().bib1 + " @attr 4=" + term.structure().bib1
                    + " @attr 5=" + term.truncation().bib1 + " " + quoted(term.term());
            case RpnQuery.And and -> "@and " + render(and.left()) + " " + render(and.right());
            case RpnQuery.Or or -> "@or " + render(or.left()) + " " + render(or.right());
            case RpnQuery.AndNot not -> "@not " + render(not.left()) + " " + render(not.right());
            case RpnQuery.AllRecords all -> "@attr 1=1016 @attr 2=" + ALWAYS_MATCHES + " \"\"";
        };
    }

    private static String quoted(String term) {
        return '"' + term.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private record Token(String text, boolean quoted) {
        boolean is(String operator) {
            return !quoted && text.equals(operator);
        }
    }

    private void attributeSet() {
        if (at < tokens.size() && tokens.get(at).is("@attrset")) {
            at++;
            requireBib1(next().text());
        }
    }

    private RpnQuery structure() {
        Token token = next();
        if (token.is("@and")) {
            return new RpnQuery.And(structure(), structure());
        } else if (token.is("@or")) {
            return new RpnQuery.Or(structure(), structure());
        } else if (token.is("@not")) {
            return new RpnQuery.AndNot(structure(), structure());
        } else if (token.is("@prox")) {
            throw new Bib1Exception(129, "proximity");
        } else if (token.is("@set")) {
            throw new Bib1Exception(18, next().text());
        }
        at--;
        return term();
    }

    private RpnQuery term() {
        Attributes attributes = new Attributes();
        while (peek().is("@attr")) {
            at++;
            attribute(attributes);
        }
        if (peek().is("@term")) {
            at++;
            String type = next().text();
            if (!type.equals("general") && !type.equals("string")) {
                throw new Bib1Exception(229, type);
            }
        }
        Token term = next();
        if (!term.quoted() && term.text().startsWith("@")) {
            throw malformed(term.text());
        }
        if (attributes.relation == ALWAYS_MATCHES) {
            return new RpnQuery.AllRecords();
        }
        if (attributes.use == RpnQuery.Use.DATE) {
            return new RpnQuery.Term(attributes.use, years(term.text(), attributes.relation), attributes.truncation,
                    attributes.structure);
        }
        require(attributes.relation == RELATION_EQUAL, 117, Integer.toString(attributes.relation));
        return new RpnQuery.Term(attributes.use, term.text(), attributes.truncation, attributes.structure);
    }

    /** A date term with its relation as the years it allows: {@code @attr 2=4 2000} is {@code 2000-}. */
    private static String years(String term, int relation) {
        if (relation == RELATION_EQUAL) {
            return term;
        }
        if (!term.matches("\\d{1,4}")) {
            throw new Bib1Exception(117, relation + " with the date '" + term + "': relations take a year");
        }
        int year = Integer.parseInt(term);
        return switch (relation) {
            case 1 -> "-" + (year - 1);
            case 2 -> "-" + year;
            case 4 -> year + "-";
            case 5 -> (year + 1) + "-";
            default -> throw new Bib1Exception(117, Integer.toString(relation));
        };
    }

    /** The attributes of one term; what a client leaves out means "any field, word list, no truncation". */
    private static final class Attributes {
        RpnQuery.Use use = RpnQuery.Use.ANY;
        RpnQuery.Truncation truncation = RpnQuery.Truncation.NONE;
        RpnQuery.Structure structure = RpnQuery.Structure.WORD_LIST;
        int relation = RELATION_EQUAL;
    }

    private void attribute(Attributes attributes) {
        String text = next().text();
        if (!text.contains("=")) {
            requireBib1(text);
            text = next().text();
        }
        int equals = text.indexOf('=');
        int type = number(text.substring(0, Math.max(equals, 0)), 113, text);
        String value = text.substring(equals + 1);
        switch (type) {
            case 1 -> attributes.use = RpnQuery.Use.ofBib1(number(value, 114, value))
                    .orElseThrow(() -> new Bib1Exception(114, value));
            case 2 -> attributes.relation = relation(number(value, 117, value), value);
            case 3 -> require(number(value, 119, value) == POSITION_ANY, 119, value);
            case 4 -> attributes.structure = RpnQuery.Structure.ofBib1(number(value, 118, value))
                    .orElseThrow(() -> new Bib1Exception(118, value));
            case 5 -> attributes.truncation = RpnQuery.Truncation.ofBib1(number(value, 120, value))
                    .orElseThrow(() -> new Bib1Exception(120, value));
            case 6 -> number(value, 122, value); // completeness: our word matching ignores it
            default -> throw new Bib1Exception(113, Integer.toString(type));
        }
    }

    /** Less than to greater than (1-5) and AlwaysMatches (103); phonetic, stem and the rest are 117. */
    private static int relation(int relation, String value) {
        require((relation >= 1 && relation <= 5) || relation == ALWAYS_MATCHES, 117, value);
        return relation;
    }

    private static void requireBib1(String attributeSet) {
        if (!attributeSet.equalsIgnoreCase("Bib-1") && !attributeSet.equals("1.2.840.10003.3.1")) {
            throw new Bib1Exception(121, attributeSet);
        }
    }

    private static void require(boolean supported, int code, String value) {
        if (!supported) {
            throw new Bib1Exception(code, value);
        }
    }

    /** A numeric attribute value; a string value ({@code 1=title}) is refused with the type's own code. */
    private static int number(String text, int code, String addinfo) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Bib1Exception(code, addinfo);
        }
    }

    private Token peek() {
        return at < tokens.size() ? tokens.get(at) : new Token("", true);
    }

    private Token next() {
        if (at >= tokens.size()) {
            throw malformed("query ends early");
        }
        return tokens.get(at++);
    }

    private static Bib1Exception malformed(String addinfo) {
        return new Bib1Exception(108, addinfo);
    }

    /** Blank-separated tokens; a quoted token keeps its blanks and loses its backslash escapes. */
    private static List<Token> tokenize(String pqf) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < pqf.length()) {
            char c = pqf.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (i < pqf.length() && pqf.charAt(i) != '"') {
                    if (pqf.charAt(i) == '\\' && i + 1 < pqf.length()) {
                        i++;
                    }
                    text.append(pqf.charAt(i++));
                }
                if (i >= pqf.length()) {
                    throw malformed(pqf);
                }
                i++;
                tokens.add(new Token(text.toString(), true));
            } else {
                int start = i;
                while (i < pqf.length() && !Character.isWhitespace(pqf.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(pqf.substring(start, i), false));
            }
        }
        return tokens;
    }
}
