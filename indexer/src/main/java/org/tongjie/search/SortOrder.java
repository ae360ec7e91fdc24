package org.tongjie.search;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How results are ordered: by relevance (the default), by year (oldest or, {@code -year}, newest first;
 * records without a year last), by title (Chinese titles by their pinyin, among Latin titles as a reader
 * of a Chinese catalogue expects: 红楼梦 as "hong lou meng" between "Heart" and "Hunger"), or by the
 * distance from the reader to the nearest library holding a copy.
 */
public enum SortOrder {
    RELEVANCE("relevance"),
    YEAR("year"),
    NEWEST("-year"),
    TITLE("title"),
    NEAREST("nearest");

    private final String key;

    SortOrder(String key) {
        this.key = key;
    }

    /** The name in the API: {@code sort=-year}. */
    public String key() {
        return key;
    }

    public static Optional<SortOrder> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static String keys() {
        return Arrays.stream(values()).map(SortOrder::key).collect(Collectors.joining(", "));
    }
}
