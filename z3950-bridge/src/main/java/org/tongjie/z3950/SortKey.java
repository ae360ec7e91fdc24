package org.tongjie.z3950;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * One key of a Z39.50 Sort: title, author or date, ascending or descending. A client names the key by a
 * Bib-1 use attribute ({@code 1=4}, yaz-client's {@code sort 1=4 <}) or by a sort field name
 * ({@code sort title >}); anything else is Bib-1 207, cannot sort according to sequence.
 */
public record SortKey(Field field, boolean descending) {
    public SortKey {
        Objects.requireNonNull(field, "field");
    }

    public enum Field {
        TITLE("title", 4),
        AUTHOR("author", 1003),
        /** Date of publication (Bib-1 31); Bib-1's plain "date" (30) means the same here. */
        DATE("date", 31, 30);

        private final String name;
        private final int[] bib1;

        Field(String name, int... bib1) {
            this.name = name;
            this.bib1 = bib1;
        }

        static Optional<Field> named(String value) {
            return Arrays.stream(values()).filter(f -> f.name.equalsIgnoreCase(value)
                    || Arrays.stream(f.bib1).anyMatch(b -> Integer.toString(b).equals(value))).findFirst();
        }
    }

    private static final int CANNOT_SORT = 207;
    /** A key as YAZ's {@code yaz_sort_spec_to_type7} writes it: {@code @attr 1=4 @attr 7=1 0}. */
    private static final Pattern TYPE7_KEY = Pattern.compile("((?:@attr \\S+ )+)(\\d+)");
    private static final Pattern ATTRIBUTE = Pattern.compile("@attr (\\d+)=(\\S+)");

    /** The keys of YAZ's type-7 rendering of a sort sequence, in order. */
    static List<SortKey> fromType7(String type7) {
        List<SortKey> keys = new ArrayList<>();
        Matcher key = TYPE7_KEY.matcher(type7);
        while (key.find()) {
            keys.add(of(key.group(1).strip()));
        }
        if (keys.isEmpty()) {
            throw new Bib1Exception(CANNOT_SORT, "no sort key in " + type7.strip());
        }
        return keys;
    }

    private static SortKey of(String attributes) {
        Optional<Field> field = Optional.empty();
        boolean descending = false;
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        while (attribute.find()) {
            switch (attribute.group(1)) {
                case "1" -> field = Field.named(attribute.group(2));
                case "7" -> descending = attribute.group(2).equals("2");
                default -> throw new Bib1Exception(CANNOT_SORT, "sort attribute type " + attribute.group(1));
            }
        }
        return new SortKey(field.orElseThrow(() -> new Bib1Exception(CANNOT_SORT,
                attributes + " (sort by title 1=4, author 1=1003 or date 1=31)")), descending);
    }
}
