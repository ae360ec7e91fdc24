package org.tongjie.marc;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identifiers of an edition besides ISBN and ISSN, in one written form each so that two catalogues'
 * copies compare equal: Library of Congress control numbers (MARC21 010), system control numbers with
 * the organisation that assigned them (035, e.g. OCLC's), and national bibliography numbers (MARC21 015,
 * UNIMARC 020).
 */
final class SystemNumbers {
    private static final Pattern ORGANISATION = Pattern.compile("^\\((?<org>[^)]+)\\)\\s*(?<number>\\S.*)$");
    /** OCLC numbers come as ocm/ocn/on prefixes and with leading zeros in various systems. */
    private static final Pattern OCLC_PREFIX = Pattern.compile("^(ocm|ocn|on)");
    private static final Pattern LCCN_HYPHEN = Pattern.compile("^([a-z]*\\d{2,4})-(\\d{1,6})$");

    private SystemNumbers() {}

    /**
     * The LC normalisation of an LCCN: spaces and anything after a slash dropped, the serial part after a
     * hyphen padded to six digits ("n 79-21164" and "n79021164" are one number).
     */
    static Optional<String> lccn(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        int slash = s.indexOf('/');
        s = (slash >= 0 ? s.substring(0, slash) : s).replaceAll("\\s+", "");
        var hyphen = LCCN_HYPHEN.matcher(s);
        if (hyphen.matches()) {
            s = hyphen.group(1) + "0".repeat(6 - hyphen.group(2).length()) + hyphen.group(2);
        }
        return s.matches("[a-z]{0,3}\\d{8,10}") ? Optional.of("lccn:" + s) : Optional.empty();
    }

    /**
     * A 035 number only counts with the organisation that assigned it: a bare number is one system's
     * own record number, and two libraries' systems number their records independently.
     */
    static Optional<String> prefixed(String text) {
        var m = ORGANISATION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String org = m.group("org").strip().toLowerCase(Locale.ROOT);
        String number = m.group("number").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (org.equals("ocolc")) {
            number = OCLC_PREFIX.matcher(number).replaceFirst("").replaceFirst("^0+", "");
        }
        return number.isEmpty() ? Optional.empty() : Optional.of("(" + org + ")" + number);
    }

    static Optional<String> nationalBibliography(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s:]+", "");
        return s.length() < 4 || s.chars().noneMatch(Character::isDigit) ? Optional.empty() : Optional.of("nbn:" + s);
    }
}
