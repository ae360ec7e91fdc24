package org.tongjie.text;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The Hanyu Pinyin of Chinese text, as toneless lower-case syllables (红楼梦 → hong lou meng), from ICU4J's
 * {@code Han-Latin; Latin-ASCII} transform. ICU reads each character on its own, so each character's
 * reading is asked of ICU once and kept: ICU costs about 0.7 ms a title, a map lookup next to nothing
 * (PinyinTest checks the two agree). ICU reads each character by its most common reading, so words
 * with a polyphone come out wrong (长安 → zhang an); the words in {@code pinyin-overrides.txt} are read as
 * listed there instead. Latin words pass through in lower case (R语言实战 → r yu yan shi zhan).
 */
public final class Pinyin {
    private static final Pattern NOT_PINYIN = Pattern.compile("[^a-z0-9]+");
    private static final ThreadLocal<Transliterator> HAN_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));
    /** ICU's reading of each non-ASCII code point met so far; at most the few tens of thousands in use. */
    private static final Map<Integer, String> READINGS = new ConcurrentHashMap<>();
    /**
     * The pairs ICU's rules read by context ({重}庆 > chóng), each with ICU's reading of the pair: every
     * other character ICU reads on its own.
     */
    private static final Map<String, String> CONTEXT_PAIRS = contextPairs();
    static final Map<String, List<String>> OVERRIDES = loadOverrides();
    private static final int LONGEST_OVERRIDE = OVERRIDES.keySet().stream().mapToInt(String::length).max().orElse(0);

    private Pinyin() {}

    /** The syllables of {@code text}: ICU's reading, except where a listed word says otherwise. */
    public static List<String> of(String text) {
        String simplified = SimplifiedChinese.of(text);
        var syllables = new ArrayList<String>();
        int pending = 0;
        for (int i = 0; i < simplified.length(); ) {
            var word = overrideAt(simplified, i);
            if (word.isPresent()) {
                syllables.addAll(icu(simplified.substring(pending, i)));
                syllables.addAll(OVERRIDES.get(word.get()));
                i += word.get().length();
                pending = i;
            } else {
                i++;
            }
        }
        syllables.addAll(icu(simplified.substring(pending)));
        return List.copyOf(syllables);
    }

    /** Only ICU's reading, without the overrides: what the overrides are measured against. */
    static List<String> icuOnly(String text) {
        return icu(SimplifiedChinese.of(text));
    }

    /** The pinyin a cataloguer wrote (CNMARC 200$A, e.g. "Hong lou meng"), as the same kind of syllables. */
    public static List<String> ofCatalogued(String pinyin) {
        return icu(pinyin);
    }

    /** First letters of the syllables: hong lou meng → hlm. */
    public static String initials(List<String> syllables) {
        var initials = new StringBuilder();
        syllables.forEach(s -> initials.append(s.charAt(0)));
        return initials.toString();
    }

    private static Optional<String> overrideAt(String text, int from) {
        for (int end = Math.min(text.length(), from + LONGEST_OVERRIDE); end > from + 1; end--) {
            String candidate = text.substring(from, end);
            if (OVERRIDES.containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> icu(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        var latin = new StringBuilder(text.length() * 4);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            // Every context pair is two Han characters: ASCII never starts one, and skips the substring.
            String pair = c >= 0x80 && i + 2 <= text.length() ? CONTEXT_PAIRS.get(text.substring(i, i + 2)) : null;
            if (pair != null) {
                latin.append(pair);
                i += 2;
                continue;
            }
            if (c < 0x80) {
                latin.append((char) Character.toLowerCase(c));
            } else {
                latin.append(READINGS.computeIfAbsent(c, Pinyin::readingOf));
            }
            i += Character.charCount(c);
        }
        return Arrays.stream(NOT_PINYIN.split(latin)).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A Han character is a syllable of its own; another letter (é → e) stays inside its word, and a
     * combining mark (the ͡ of i͡a) is dropped, as Latin-ASCII drops it after its letter.
     */
    private static String readingOf(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return "";
        }
        return spaced(codePoint, HAN_LATIN.get().transliterate(Character.toString(codePoint)));
    }

    private static String spaced(int codePoint, String reading) {
        String lower = reading.toLowerCase(Locale.ROOT);
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN ? " " + lower + " " : lower;
    }

    /** The pairs in ICU's Han-Latin rules of the form {@code {重}' '?庆 > chóng;}, read by ICU as a whole. */
    private static Map<String, String> contextPairs() {
        var rule = Pattern.compile("^\\{(\\p{IsHan})}' '\\?(\\p{IsHan}) >", Pattern.MULTILINE);
        var transform = HAN_LATIN.get();
        var pairs = new HashMap<String, String>();
        var m = rule.matcher(Transliterator.getInstance("Han-Latin").toRules(false));
        while (m.find()) {
            String pair = m.group(1) + m.group(2);
            pairs.put(pair, spaced(pair.codePointAt(0), transform.transliterate(pair)));
        }
        return Map.copyOf(pairs);
    }

    /** Each line: a word, then one known syllable per character; a bad line stops the load with its text. */
    private static Map<String, List<String>> loadOverrides() {
        try (InputStream in = Pinyin.class.getResourceAsStream("pinyin-overrides.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource pinyin-overrides.txt is missing");
            }
            var overrides = new HashMap<String, List<String>>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> {
                        var parts = List.of(line.split("\\s+"));
                        String word = parts.getFirst();
                        var syllables = parts.subList(1, parts.size());
                        if (syllables.size() != word.codePointCount(0, word.length())
                                || !PinyinSyllables.ALL.containsAll(syllables)) {
                            throw new IllegalStateException("pinyin-overrides.txt: need one known syllable per character: " + line);
                        }
                        overrides.put(word, List.copyOf(syllables));
                    });
            return Map.copyOf(overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
