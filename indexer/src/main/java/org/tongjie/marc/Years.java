package org.tongjie.marc;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Publication years from coded data ("2008") and from transcribed dates ("c1998.", "[2012?]", "2012年"). */
final class Years {
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[4-9]\\d\\d|20\\d\\d)(?!\\d)");

    private Years() {}

    static OptionalInt parse(String four) {
        var m = YEAR.matcher(four);
        return m.matches() ? OptionalInt.of(Integer.parseInt(four)) : OptionalInt.empty();
    }

    static OptionalInt firstIn(List<String> texts) {
        for (String t : texts) {
            var m = YEAR.matcher(t);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }
}
