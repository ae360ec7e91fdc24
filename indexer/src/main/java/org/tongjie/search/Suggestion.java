package org.tongjie.search;

/** An autocomplete suggestion: a title or an author heading as catalogued. */
public record Suggestion(String text, Kind kind) {
    public enum Kind { TITLE, AUTHOR }
}
