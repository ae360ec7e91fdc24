package org.tongjie.index.lucene;

import org.tongjie.text.SimplifiedChinese;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A title reduced to its letters and digits, simplified and in lower case, so that a query typed as the
 * whole title ("三體", "The great Gatsby") matches it exactly whatever the punctuation, spacing or script.
 */
final class ExactTitle {
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ExactTitle() {}

    static String key(String title) {
        return NOT_LETTER_OR_DIGIT.matcher(SimplifiedChinese.of(title).toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
