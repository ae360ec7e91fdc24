package org.tongjie.marc;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Publication years from coded data ("2008") and from transcribed dates ("c1998.", "[2012?]", "2012年"). */
final class Years {
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[4-9]\\d\\d|20\\d\\d)(?!\\d)");

    private Years() {}

    /** The first plausible year in the text, or empty. */
    static OptionalInt in(String text) {
        var m = YEAR.matcher(text);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
