package org.tongjie.dedup;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number in an edition or volume statement, however it is written: "2nd ed.", "第3版", "第二版",
 * "Second edition", "v. 2", "Ⅱ", "II", "卷三". Two statements that give different numbers describe different
 * editions or volumes; statements without a number say nothing.
 */
final class Numbering {
    private static final Pattern ARABIC = Pattern.compile("(?<!\\d)(\\d{1,6})(?!\\d)");
    private static final Pattern ROMAN = Pattern.compile("(?<![A-Za-z])([IVX]{1,5})(?![A-Za-z])");
    private static final Map<Character, Integer> CHINESE = Map.ofEntries(
            Map.entry('一', 1), Map.entry('二', 2), Map.entry('三', 3), Map.entry('四', 4), Map.entry('五', 5),
            Map.entry('六', 6), Map.entry('七', 7), Map.entry('八', 8), Map.entry('九', 9), Map.entry('十', 10),
            Map.entry('上', 1), Map.entry('中', 2), Map.entry('下', 3));
    private static final Map<String, Integer> ORDINALS = Map.of("first", 1, "second", 2, "third", 3, "fourth", 4,
            "fifth", 5, "sixth", 6, "seventh", 7, "eighth", 8, "ninth", 9, "tenth", 10);
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Map<Character, Integer> ROMAN_CHARS = Map.ofEntries(
            Map.entry('Ⅰ', 1), Map.entry('Ⅱ', 2), Map.entry('Ⅲ', 3), Map.entry('Ⅳ', 4), Map.entry('Ⅴ', 5),
            Map.entry('Ⅵ', 6), Map.entry('Ⅶ', 7), Map.entry('Ⅷ', 8), Map.entry('Ⅸ', 9), Map.entry('Ⅹ', 10));

    /** Words that only say "edition" or "volume", in the languages our members catalogue in. */
    private static final Pattern STATEMENT_WORDS = Pattern.compile(
            "\\b(?:ed|edn|edition|editions|éd|édition|aufl|auflage|uppl|upplaga|painos|p|wyd|wydanie|izd|izdanie|ed[ií]ci[oó]n|"
            + "v|vol|vols|volume|volumes|pt|part|parts|bd|band|teil|t|tome|tom|no|nr|number|impression|printing|print|"
            + "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|st|nd|rd|th|i|ii|iii|iv|v|vi|vii|viii|ix|x)\\b"
            + "|[第版卷册冊部分次印刷集辑輯一二三四五六七八九十上中下ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]");

    private Numbering() {}

    /**
     * What a statement says besides its number: "Rev. ed." gives "rev", "Part A" gives "a", "2nd ed." and
     * "第3版" give nothing. Two statements with other words ("Large print ed." and "Rev. ed.") are other editions.
     */
    static Optional<String> words(String statement) {
        String lower = java.text.Normalizer.normalize(statement, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String rest = STATEMENT_WORDS.matcher(lower.replaceAll("\\d+", " ")).replaceAll(" ");
        String key = MatchKeys.fold(rest);
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    static Optional<Integer> of(String statement) {
        var arabic = ARABIC.matcher(statement);
        if (arabic.find()) {
            return Optional.of(Integer.parseInt(arabic.group(1)));
        }
        var words = WORD.matcher(statement.toLowerCase(Locale.ROOT));
        while (words.find()) {
            if (ORDINALS.containsKey(words.group())) {
                return Optional.of(ORDINALS.get(words.group()));
            }
        }
        for (char c : statement.toCharArray()) {
            if (ROMAN_CHARS.containsKey(c)) {
                return Optional.of(ROMAN_CHARS.get(c));
            }
            if (CHINESE.containsKey(c)) {
                return Optional.of(CHINESE.get(c));
            }
        }
        var roman = ROMAN.matcher(statement);
        return roman.find() ? Optional.of(romanValue(roman.group(1))) : Optional.empty();
    }

    private static int romanValue(String s) {
        int total = 0;
        int previous = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                default -> 10;
            };
            total += v < previous ? -v : v;
            previous = Math.max(previous, v);
        }
        return total;
    }
}
