package org.tongjie.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/** ISBN and ISSN normalisation: every valid ISBN becomes its ISBN-13, so both forms of a book match. */
public final class Isbns {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-\\u2010-\\u2015\\uFF0D]");
    private static final Pattern ISBN_LABEL = Pattern.compile("^ISBN:?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_ISBN = Pattern.compile("^[0-9Xx\\-\\s\\u2010-\\u2015\\uFF0D]+");

    private Isbns() {}

    /**
     * The ISBN-13 for an ISBN as catalogued ("7-02-002120-5 (平装)", "9787536692930", "0-19-283355-X :"),
     * or empty when the check digit is wrong or there is no ISBN in the text.
     */
    public static Optional<String> toIsbn13(String text) {
        var m = LEADING_ISBN.matcher(ISBN_LABEL.matcher(text.strip()).replaceFirst(""));
        if (!m.find()) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(m.group()).replaceAll("").toUpperCase();
        if (digits.length() == 10 && isValidIsbn10(digits)) {
            String core = "978" + digits.substring(0, 9);
            return Optional.of(core + isbn13CheckDigit(core));
        }
        if (digits.length() == 13 && (digits.startsWith("978") || digits.startsWith("979"))
                && digits.chars().allMatch(Character::isDigit)
                && isbn13CheckDigit(digits.substring(0, 12)) == digits.charAt(12)) {
            return Optional.of(digits);
        }
        return Optional.empty();
    }

    /** An ISSN as NNNN-NNNC with a valid check character, or empty. */
    public static Optional<String> toIssn(String text) {
        String s = SEPARATORS.matcher(text.strip()).replaceAll("").toUpperCase();
        if (s.length() < 8 || !s.substring(0, 7).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        s = s.substring(0, 8);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (s.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return s.charAt(7) == expected ? Optional.of(s.substring(0, 4) + "-" + s.substring(4)) : Optional.empty();
    }

    private static boolean isValidIsbn10(String s) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            int v;
            if (c == 'X' && i == 9) {
                v = 10;
            } else if (Character.isDigit(c)) {
                v = c - '0';
            } else {
                return false;
            }
            sum += v * (10 - i);
        }
        return sum % 11 == 0;
    }

    private static char isbn13CheckDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
