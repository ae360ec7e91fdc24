package org.tongjie.index;

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
import java.util.regex.Pattern;

/**
 * The Hanyu Pinyin of Chinese text, as toneless lower-case syllables (红楼梦 → hong lou meng), from ICU4J's
 * {@code Han-Latin; Latin-ASCII} transform. ICU reads each character by its most common reading, so words
 * with a polyphone come out wrong (长安 → zhang an); the words in {@code pinyin-overrides.txt} are read as
 * listed there instead. Latin words pass through in lower case (R语言实战 → r yu yan shi zhan).
 */
final class Pinyin {
    private static final Pattern NOT_PINYIN = Pattern.compile("[^a-z0-9]+");
    private static final ThreadLocal<Transliterator> HAN_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));
    static final Map<String, List<String>> OVERRIDES = loadOverrides();
    private static final int LONGEST_OVERRIDE = OVERRIDES.keySet().stream().mapToInt(String::length).max().orElse(0);

    private Pinyin() {}

    /** The syllables of {@code text}: ICU's reading, except where a listed word says otherwise. */
    static List<String> of(String text) {
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
    static List<String> ofCatalogued(String pinyin) {
        return icu(pinyin);
    }

    /** First letters of the syllables: hong lou meng → hlm. */
    static String initials(List<String> syllables) {
        var initials = new StringBuilder();
        syllables.forEach(s -> initials.append(s.charAt(0)));
        return initials.toString();
    }

    /** True when the text has a Han character, so pinyin adds something to it. */
    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
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
        String latin = HAN_LATIN.get().transliterate(text).toLowerCase(Locale.ROOT);
        return Arrays.stream(NOT_PINYIN.split(latin)).filter(s -> !s.isEmpty()).toList();
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
