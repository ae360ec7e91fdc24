package org.tongjie.api.xml;

import java.util.Optional;
import java.util.regex.Pattern;
import org.tongjie.catalog.MaterialFormat;

/**
 * What a member's bytes become in MARCXML or MarcXchange so that every record served is well-formed and valid
 * whatever was sent. Characters XML cannot carry (C0 controls other than tab and line ends, lone surrogates,
 * U+FFFE/U+FFFF) are dropped, as {@code yaz-marcdump -o marcxml} drops them. Where the schema's patterns then
 * refuse a value YAZ would write anyway (an empty indicator, a leader with blanks where a code belongs), the
 * least change that satisfies them is made: an indicator becomes a blank (an upper-case letter its lower case),
 * a leader position its neutral value; a subfield whose code or a field whose tag cannot be written, and a
 * data field with no subfield, are left out. The stored record keeps every byte: ISO 2709 and the Z39.50
 * server give it as sent.
 */
final class SchemaSafe {
    private static final Pattern CONTROL_TAG = Pattern.compile("00[1-9A-Za-z]");
    private static final Pattern SLIM_TAG = Pattern.compile("0[1-9A-Z][0-9A-Z]|0[1-9a-z][0-9a-z]|[1-9A-Z][0-9A-Z]{2}|[1-9a-z][0-9a-z]{2}");
    private static final Pattern XCHANGE_TAG = Pattern.compile("00[1-9A-Za-z]|0[1-9A-Za-z][0-9A-Za-z]|[1-9A-Za-z][0-9A-Za-z]{2}");
    private static final String SLIM_CODE_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?{}_^`~[]\\";
    private static final int LEADER_LENGTH = 24;

    private SchemaSafe() {}

    /** The text without the characters XML 1.0 cannot carry. */
    static String text(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().filter(SchemaSafe::xmlChar).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean xmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }

    static boolean controlTag(String tag) {
        return CONTROL_TAG.matcher(tag).matches();
    }

    static boolean dataTag(MarcSchema schema, String tag) {
        return (schema == MarcSchema.MARC21_SLIM ? SLIM_TAG : XCHANGE_TAG).matcher(tag).matches();
    }

    static char indicator(MarcSchema schema, char c) {
        if (schema == MarcSchema.MARC21_SLIM) {
            char lower = Character.toLowerCase(c);
            return (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9') ? lower : ' ';
        }
        return printableAscii(c) ? c : ' ';
    }

    static Optional<String> code(MarcSchema schema, char c) {
        boolean ok = schema == MarcSchema.MARC21_SLIM
                ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || SLIM_CODE_PUNCTUATION.indexOf(c) >= 0
                : printableAscii(c);
        return ok ? Optional.of(String.valueOf(c)) : Optional.empty();
    }

    private static boolean printableAscii(char c) {
        return c >= 0x20 && c < 0x7F;
    }

    /** A leader each of whose 24 positions the schema's pattern allows; MARC21's leader/09 says UTF-8. */
    static String leader(MarcSchema schema, String leader, MaterialFormat format) {
        var out = new StringBuilder(text(leader));
        out.setLength(LEADER_LENGTH);
        for (int i = 0; i < LEADER_LENGTH; i++) {
            char c = out.charAt(i);
            if (schema == MarcSchema.MARC21_SLIM ? !slimAllows(i, c) : !xchangeAllows(i, c)) {
                out.setCharAt(i, schema == MarcSchema.MARC21_SLIM ? slimNeutral(i, format) : xchangeNeutral(i));
            }
        }
        if (schema == MarcSchema.MARC21_SLIM) {
            out.setCharAt(9, 'a'); // marc4j decoded the record; we write Unicode
            String map = out.substring(20);
            if (!map.equals("4500") && !map.isBlank()) {
                out.replace(20, 24, "4500");
            }
        }
        return out.toString();
    }

    /** [\d ]{5}[\dA-Za-z ][\dA-Za-z][\dA-Za-z ]{3}(2| )(2| )[\d ]{5}[\dA-Za-z ]{3}(4500|    ) */
    private static boolean slimAllows(int i, char c) {
        boolean digit = c >= '0' && c <= '9';
        boolean alnum = digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (i < 5 || (i >= 12 && i < 17)) {
            return digit || c == ' ';
        }
        if (i == 6) {
            return alnum;
        }
        if (i == 10 || i == 11) {
            return c == '2' || c == ' ';
        }
        return alnum || c == ' ';
    }

    private static char slimNeutral(int i, MaterialFormat format) {
        if (i < 5 || (i >= 12 && i < 17)) {
            return '0';
        }
        if (i == 6) {
            return typeOfRecord(format);
        }
        return i == 10 || i == 11 ? '2' : ' ';
    }

    /** Leader/06 from the hub's reading of the record, for a member's leader that left it blank. */
    private static char typeOfRecord(MaterialFormat format) {
        return switch (format) {
            case MUSIC_SCORE -> 'c';
            case MAP -> 'e';
            case VIDEO -> 'g';
            case SOUND_RECORDING -> 'i';
            case MUSIC_RECORDING -> 'j';
            case COMPUTER_FILE -> 'm';
            case MIXED_MATERIALS -> 'p';
            case BOOK, EBOOK, LARGE_PRINT, MICROFORM, SERIAL, ONLINE_SERIAL, OTHER -> 'a';
        };
    }

    /** \d{5}.{5}\d\d\d{5}.{3}\d\d\d. with . any printable ASCII */
    private static boolean xchangeAllows(int i, char c) {
        return digitPosition(i) ? c >= '0' && c <= '9' : printableAscii(c);
    }

    private static boolean digitPosition(int i) {
        return i < 5 || (i >= 10 && i < 17) || (i >= 20 && i < 23);
    }

    /** UNIMARC's own values: indicator and subfield code lengths 2, directory map 450. */
    private static char xchangeNeutral(int i) {
        if (i == 10 || i == 11) {
            return '2';
        }
        if (i >= 20 && i < 23) {
            return "450".charAt(i - 20);
        }
        return digitPosition(i) ? '0' : ' ';
    }
}
