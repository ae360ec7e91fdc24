package org.tongjie.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The syllables of Hanyu Pinyin (resource {@code pinyin-syllables.txt}), to split what a reader types
 * without spaces: "hongloumeng" → hong lou meng, "changan" → chang an.
 */
public final class PinyinSyllables {
    static final Set<String> ALL = load();
    private static final int LONGEST = ALL.stream().mapToInt(String::length).max().orElseThrow();

    private PinyinSyllables() {}

    /**
     * The syllables a lower-case ASCII word is made of, preferring longer syllables first ("changan" is
     * chang an rather than chan gan, as readers mean it far more often); empty when it is not pinyin.
     */
    public static Optional<List<String>> split(String word) {
        var syllables = new ArrayList<String>();
        return split(word, 0, syllables) ? Optional.of(List.copyOf(syllables)) : Optional.empty();
    }

    private static boolean split(String word, int from, List<String> syllables) {
        if (from == word.length()) {
            return true;
        }
        for (int end = Math.min(word.length(), from + LONGEST); end > from; end--) {
            String candidate = word.substring(from, end);
            if (ALL.contains(candidate)) {
                syllables.add(candidate);
                if (split(word, end, syllables)) {
                    return true;
                }
                syllables.removeLast();
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PinyinSyllables.class.getResourceAsStream("pinyin-syllables.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource pinyin-syllables.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.strip().split("\\s+")))
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.collectingAndThen(Collectors.toSet(), Collections::unmodifiableSet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
