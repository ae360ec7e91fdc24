package org.tongjie.index;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Traditional characters to simplified (沈從文 → 沈从文, 傲慢與偏見 → 傲慢与偏见) with ICU's
 * {@code Traditional-Simplified} transform, applied before tokenising at index and query time alike, so
 * either script finds both and the segmenters see the script their dictionaries were built from.
 */
public final class SimplifiedChinese {
    // ICU documents transliterators as unsafe to share across threads; one per thread is cheap once built.
    private static final ThreadLocal<Transliterator> TRANSFORM =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    /** The first code point of the Han script (⺀, CJK radicals): anything below it is not Han. */
    private static final int FIRST_HAN = 0x2E80;

    private static final BitSet IN_RULES = charactersInRules();

    private SimplifiedChinese() {}

    /**
     * Text without a character any of ICU's rules starts from is returned as it is, without asking ICU:
     * Latin-script fields and text already in simplified characters, most of the catalogue, where ICU
     * costs some 40 times the check.
     */
    public static String of(String text) {
        return hasTraditional(text) ? TRANSFORM.get().transliterate(text) : text;
    }

    private static boolean hasTraditional(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= FIRST_HAN && IN_RULES.get(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * Every character on the left of one of the transform's rules ("乾隆 > 乾隆;", "東 > 东;"): the
     * rules are plain strings, so text with none of these characters is what ICU would give back.
     */
    private static BitSet charactersInRules() {
        var rule = Pattern.compile("(\\S+) > \\S*;");
        var characters = new BitSet();
        Transliterator.getInstance("Traditional-Simplified").toRules(false).lines().forEach(line -> {
            var m = rule.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("ICU's Traditional-Simplified has a rule of a kind the fast path does not know: " + line);
            }
            m.group(1).codePoints().forEach(characters::set);
        });
        return characters;
    }

    /** True when the text has a Han character (CJK ideographs, their extensions and compatibility forms). */
    public static boolean hasHan(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= FIRST_HAN && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * The whole field read and converted. Fields and queries are short, and the transform maps one
     * character to one character, so token offsets still point into the original text.
     */
    static Reader of(Reader reader) {
        try {
            return new StringReader(of(readAll(reader)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(Reader reader) throws IOException {
        var text = new StringBuilder();
        char[] buffer = new char[1024];
        for (int n; (n = reader.read(buffer)) != -1; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}
