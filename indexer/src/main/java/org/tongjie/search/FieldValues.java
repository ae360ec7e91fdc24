package org.tongjie.search;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongjie.catalog.Isbns;

/**
 * What a value of a named field means, whatever engine searches it: an ISBN as the ISBN-13 indexed, an
 * ISSN as NNNN-NNNC, a CLC class as its key, a year or a range. An engine turns these into its queries;
 * {@link #problem} tells the reader what to fix in the advanced form.
 */
public final class FieldValues {
    private static final Pattern YEARS = Pattern.compile("(\\d{1,4})?\\s*[-–~]\\s*(\\d{1,4})?");
    private static final Pattern YEAR = Pattern.compile("\\d{1,4}");
    private static final Pattern NOT_CLASS = Pattern.compile("[\\s　]+");

    private FieldValues() {}

    /** Years from and to, both included; an open end is the smallest or largest int. */
    public record YearRange(int from, int to) {}

    /** An ISBN-10 or -13 with a right check digit, with or without hyphens, as the ISBN-13 indexed. */
    public static Optional<String> isbn(String text) {
        return Isbns.toIsbn13(text).filter(i -> text.replaceAll("[^0-9Xx]", "").length() >= 10);
    }

    /** Eight characters with a right check character, with or without the hyphen, as NNNN-NNNC. */
    public static Optional<String> issn(String text) {
        String compact = text.replaceAll("[\\s\\-]", "");
        return compact.length() == 8 ? Isbns.toIssn(compact) : Optional.empty();
    }

    /** A class number and everything under it: I24 is I242.4, I246.5, I247.5… */
    public static String clcKey(String number) {
        return NOT_CLASS.matcher(number).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** 2008, 1990-2000, 2010- and -1950 (open ends); a reversed range is read the right way round. */
    public static Optional<YearRange> years(String value) {
        if (YEAR.matcher(value).matches()) {
            int year = Integer.parseInt(value);
            return Optional.of(new YearRange(year, year));
        }
        Matcher m = YEARS.matcher(value);
        if (!m.matches() || m.group(1) == null && m.group(2) == null) {
            return Optional.empty();
        }
        int from = m.group(1) == null ? Integer.MIN_VALUE : Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
        return Optional.of(new YearRange(Math.min(from, to), Math.max(from, to)));
    }

    /** What is wrong with a value of the advanced form, which the reader can fix, unlike a typed query's. */
    public static Optional<String> problem(SearchField field, String value) {
        String v = value.strip();
        return switch (field) {
            case ISBN -> isbn(v).or(() -> issn(v)).isPresent() ? Optional.empty()
                    : Optional.of("isbn must be an ISBN-10, ISBN-13 or ISSN with a right check digit, was '" + v + "'");
            case ISSN -> issn(v).isPresent() ? Optional.empty()
                    : Optional.of("issn must be NNNN-NNNC with a right check character, was '" + v + "'");
            case YEAR -> years(v).isPresent() ? Optional.empty()
                    : Optional.of("year must be a year or a range such as 1990-2000, 2010- or -1950, was '" + v + "'");
            case CLC -> clcKey(v).isEmpty() ? Optional.of("clc must be a class number such as I24 or TP3") : Optional.empty();
            default -> v.isEmpty() ? Optional.of(field.key() + " must not be empty") : Optional.empty();
        };
    }
}
