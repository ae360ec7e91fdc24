package org.tongjie.query;

import org.tongjie.search.SearchField;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reader's query syntax, read leniently: words, "phrases" (also in Chinese quotes “…”), {@code AND},
 * {@code OR}, {@code NOT} (upper case only: "pride and prejudice" is three words), {@code -word},
 * parentheses and {@code field:value} for the fields of {@link SearchField}. Nothing is ever an error: an
 * unclosed quote or parenthesis runs to the end, a stray operator or parenthesis is dropped, and an
 * unknown field name ({@code Note: x}) is just a word. OR binds looser than AND, which is implied between
 * neighbours.
 */
public final class QuerySyntax {
    public sealed interface Node {}

    /** Words or a phrase typed without a field: neighbours are searched together, as the reader typed them. */
    public record Text(String text, boolean phrase) implements Node {}

    public record Fielded(SearchField field, String value, boolean phrase) implements Node {}

    public record Not(Node node) implements Node {}

    public record And(List<Node> nodes) implements Node {}

    public record Or(List<Node> nodes) implements Node {}

    private enum Kind { WORD, PHRASE, OPEN, CLOSE, AND, OR, NOT }

    private record Token(Kind kind, String text) {}

    /** Deeper nesting is read as if the parentheses were not there, so no query can exhaust the stack. */
    private static final int MAX_DEPTH = 16;
    /** Words past this many are dropped: a pasted page is not a query, and Lucene caps a query's clauses. */
    static final int MAX_TOKENS = 64;

    private final List<Token> tokens;
    private int at;
    private int depth;

    private QuerySyntax(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The query's tree; empty when nothing searchable is left (only operators, say). */
    public static Optional<Node> parse(String query) {
        var parser = new QuerySyntax(lex(query));
        var nodes = new ArrayList<Node>();
        while (parser.at < parser.tokens.size()) {
            parser.or().ifPresent(nodes::add);
            if (parser.at < parser.tokens.size()) {
                parser.at++; // a ')' with no '(' before it
            }
        }
        return collapse(nodes, And::new);
    }

    private Optional<Node> or() {
        var alternatives = new ArrayList<Node>();
        and().ifPresent(alternatives::add);
        while (peek(Kind.OR)) {
            at++;
            and().ifPresent(alternatives::add);
        }
        return collapse(alternatives, Or::new);
    }

    private Optional<Node> and() {
        var all = new ArrayList<Node>();
        while (at < tokens.size() && !peek(Kind.OR) && !peek(Kind.CLOSE)) {
            if (peek(Kind.AND)) {
                at++;
            } else {
                unary().ifPresent(all::add);
            }
        }
        return collapse(all, And::new);
    }

    private Optional<Node> unary() {
        if (peek(Kind.NOT)) {
            at++;
            return at < tokens.size() && !peek(Kind.OR) && !peek(Kind.CLOSE) ? unary().map(Not::new) : Optional.empty();
        }
        Token t = tokens.get(at++);
        return switch (t.kind()) {
            case OPEN -> {
                if (depth == MAX_DEPTH) {
                    yield Optional.empty();
                }
                depth++;
                Optional<Node> inner = or();
                depth--;
                if (peek(Kind.CLOSE)) {
                    at++;
                }
                yield inner;
            }
            case PHRASE -> Optional.of(new Text(t.text(), true));
            case WORD -> Optional.of(word(t.text()));
            default -> Optional.empty();
        };
    }

    /** {@code title:x}, {@code title:"x y"} and {@code title: x} name a field; any other colon is part of a word. */
    private Node word(String word) {
        int colon = Math.max(word.indexOf(':'), word.indexOf('：'));
        Optional<SearchField> field = colon > 0 ? SearchField.byKey(word.substring(0, colon)) : Optional.empty();
        if (field.isEmpty()) {
            return new Text(word, false);
        }
        String value = word.substring(colon + 1);
        if (!value.isEmpty()) {
            return new Fielded(field.get(), value, false);
        }
        if (peek(Kind.WORD) || peek(Kind.PHRASE)) {
            Token next = tokens.get(at++);
            return new Fielded(field.get(), next.text(), next.kind() == Kind.PHRASE);
        }
        return new Text(word, false);
    }

    private boolean peek(Kind kind) {
        return at < tokens.size() && tokens.get(at).kind() == kind;
    }

    private static Optional<Node> collapse(List<Node> nodes, java.util.function.Function<List<Node>, Node> group) {
        return switch (nodes.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(nodes.getFirst());
            default -> Optional.of(group.apply(List.copyOf(nodes)));
        };
    }

    private static List<Token> lex(String query) {
        var tokens = new ArrayList<Token>();
        int i = 0;
        while (i < query.length() && tokens.size() < MAX_TOKENS) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
            } else if (c == '(' || c == '（') {
                tokens.add(new Token(Kind.OPEN, "("));
                i++;
            } else if (c == ')' || c == '）') {
                tokens.add(new Token(Kind.CLOSE, ")"));
                i++;
            } else if (c == '-' && i + 1 < query.length() && (isQuote(query.charAt(i + 1)) || query.charAt(i + 1) == '(')) {
                tokens.add(new Token(Kind.NOT, "-"));
                i++;
            } else if (isQuote(c)) {
                int end = i + 1;
                while (end < query.length() && !isQuote(query.charAt(end))) {
                    end++;
                }
                String phrase = query.substring(i + 1, end).strip();
                if (!phrase.isEmpty()) {
                    tokens.add(new Token(Kind.PHRASE, phrase));
                }
                i = end + 1;
            } else {
                int end = i;
                while (end < query.length() && !ends(query, end)) {
                    end++;
                }
                word(query.substring(i, end), tokens);
                i = end;
            }
        }
        return tokens;
    }

    private static boolean ends(String query, int i) {
        char c = query.charAt(i);
        return Character.isWhitespace(c) || Character.isISOControl(c) || c == '(' || c == ')' || c == '（' || c == '）'
                || isQuote(c);
    }

    /** {@code -word} excludes the word and {@code +word} is the word; a lone sign is nothing. */
    private static void word(String word, List<Token> tokens) {
        int start = 0;
        boolean negated = false;
        while (start < word.length() && (word.charAt(start) == '-' || word.charAt(start) == '+')) {
            negated |= word.charAt(start) == '-';
            start++;
        }
        String rest = word.substring(start);
        if (rest.isEmpty()) {
            return;
        }
        switch (rest) {
            case "AND", "&&" -> tokens.add(new Token(Kind.AND, rest));
            case "OR", "||" -> tokens.add(new Token(Kind.OR, rest));
            case "NOT" -> tokens.add(new Token(Kind.NOT, rest));
            default -> {
                if (negated) {
                    tokens.add(new Token(Kind.NOT, "-"));
                }
                tokens.add(new Token(Kind.WORD, rest));
            }
        }
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '「' || c == '」';
    }
}
