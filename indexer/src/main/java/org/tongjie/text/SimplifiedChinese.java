package org.tongjie.text;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final Rules RULES = Rules.ofIcu();

    private SimplifiedChinese() {}

    /**
     * Text without a character any of ICU's rules starts from is returned as it is, without asking ICU:
     * Latin-script fields and text already in simplified characters, most of the catalogue, where ICU
     * costs some 40 times the check.
     */
    public static String of(String text) {
        return hasTraditional(text) ? TRANSFORM.get().transliterate(text) : text;
    }

    /** True when one of the transform's rules matches somewhere in the text. */
    private static boolean hasTraditional(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= FIRST_HAN && (RULES.characters().get(c) || phraseAt(text, i, c))) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean phraseAt(String text, int at, int first) {
        for (String phrase : RULES.phrasesByFirst().getOrDefault(first, List.of())) {
            if (text.startsWith(phrase, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The left sides of the transform's rules, which are plain strings: single characters that change
     * ("東 > 东;", not "出 > 出;") and phrases ("崑崙 > 昆仑;", "于思 > 于思;"), these by their first character.
     */
    private record Rules(BitSet characters, Map<Integer, List<String>> phrasesByFirst) {
        static Rules ofIcu() {
            var rule = Pattern.compile("(\\S+) > (\\S*);");
            var characters = new BitSet();
            var phrases = new HashMap<Integer, List<String>>();
            TRANSFORM.get().toRules(false).lines().forEach(line -> {
                var m = rule.matcher(line);
                if (!m.matches()) {
                    throw new IllegalStateException("ICU's Traditional-Simplified has a rule of a kind the fast path does not know: " + line);
                }
                String left = m.group(1);
                if (left.codePointCount(0, left.length()) == 1) {
                    if (!left.equals(m.group(2))) {
                        characters.set(left.codePointAt(0));
                    }
                } else {
                    phrases.computeIfAbsent(left.codePointAt(0), c -> new ArrayList<>()).add(left);
                }
            });
            return new Rules(characters, Map.copyOf(phrases));
        }
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
    public static Reader of(Reader reader) {
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
