package org.tongjie.text;

import org.tongjie.index.lucene.JudgedQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PinyinTest {
    @Test
    void icuReadingOfPlainText() {
        assertEquals(List.of("hong", "lou", "meng"), Pinyin.of("红楼梦"));
        assertEquals(List.of("hong", "lou", "meng"), Pinyin.of("紅樓夢"));
        assertEquals(List.of("r", "yu", "yan", "shi", "zhan"), Pinyin.of("R语言实战"));
        assertEquals(List.of("si", "kao", "kuai", "yu", "man"), Pinyin.of("思考，快与慢"));
        assertEquals("hlm", Pinyin.initials(Pinyin.of("红楼梦")));
    }

    static List<String> overrides() {
        return List.copyOf(Pinyin.OVERRIDES.keySet());
    }

    /** Every listed word is read as listed, alone and inside a title, and differs from ICU's own reading. */
    @ParameterizedTest
    @MethodSource("overrides")
    void eachOverrideIsUsed(String word) {
        var listed = Pinyin.OVERRIDES.get(word);
        assertEquals(listed, Pinyin.of(word));
        assertEquals(listed, Pinyin.of("《" + word + "》").subList(0, listed.size()));
        assertNotEquals(listed, Pinyin.icuOnly(word), word + " needs no override: ICU reads it right");
    }

    @ParameterizedTest
    @CsvSource({"长安的荔枝, chang an de li zhi", "重庆出版社, chong qing chu ban she", "中国银行, zhong guo yin hang",
            "银行行长, yin hang hang zhang", "水浒传, shui hu zhuan", "音乐, yin yue"})
    void overridesInsideLongerText(String text, String expected) {
        assertEquals(List.of(expected.split(" ")), Pinyin.of(text));
    }

    @Test
    void typedPinyinSplitsIntoSyllables() {
        assertEquals(Optional.of(List.of("hong", "lou", "meng")), PinyinSyllables.split("hongloumeng"));
        assertEquals(Optional.of(List.of("chang", "an")), PinyinSyllables.split("changan"));
        assertEquals(Optional.of(List.of("xi", "you", "ji")), PinyinSyllables.split("xiyouji"));
        assertEquals(Optional.empty(), PinyinSyllables.split("computer"));
        assertEquals(Optional.empty(), PinyinSyllables.split("hlm"));
    }

    /**
     * Pinyin reads each character's reading from ICU once and keeps it: the result must be what ICU gives
     * for the whole text, over every unified ideograph run together and every title of the shared records.
     * One difference is meant: a number next to a Han character is a word of its own (1177年 → 1177 nian,
     * where ICU writes 1177nian), as a letter next to one already is in ICU (R语言 → r yu yan).
     */
    @Test
    void readingsKeptPerCharacterAreIcusReadingOfTheWholeText() throws IOException {
        var icu = Transliterator.getInstance("Han-Latin; Latin-ASCII");
        var texts = new java.util.ArrayList<>(JudgedQueries.unifiedIdeographRuns());
        JudgedQueries.chineseBooks().forEach(r -> texts.addAll(r.titles()));
        JudgedQueries.pool().forEach(r -> texts.addAll(r.titles()));
        for (String text : texts) {
            String simplified = SimplifiedChinese.of(text).replaceAll("(?<=\\d)(?=\\p{IsHan})|(?<=\\p{IsHan})(?=\\d)", " ");
            var whole = java.util.Arrays.stream(icu.transliterate(simplified).toLowerCase(java.util.Locale.ROOT)
                    .split("[^a-z0-9]+")).filter(s -> !s.isEmpty()).toList();
            assertEquals(whole, Pinyin.icuOnly(text), text);
        }
        assertTrue(texts.size() > 1_000, "titles read: " + texts.size());
    }

    /** The syllable list is ICU's, not hand-made: regenerate it if ICU's readings change. */
    @Test
    void syllableListIsWhatIcuGivesForTheUnifiedIdeographs() {
        var han = new StringBuilder();
        for (int c = 0x4E00; c <= 0x9FFF; c++) {
            han.appendCodePoint(c).append(' ');
        }
        var icu = new TreeSet<String>();
        for (String s : Transliterator.getInstance("Han-Latin; Latin-ASCII").transliterate(han.toString()).split("\\s+")) {
            if (s.matches("[a-z]+") && !List.of("m", "hm", "ng").contains(s)) {
                icu.add(s);
            }
        }
        assertEquals(icu, new TreeSet<>(PinyinSyllables.ALL));
    }

    /**
     * How often the generated reading of a title proper equals the cataloguer's 200$A, with and without
     * the overrides; printed for BENCHMARKS.md. Titles are compared up to their first space (the title
     * proper, which is what 200$A transcribes).
     */
    @Test
    void generatedPinyinAgainstTheCataloguers() throws IOException {
        int withPinyin = 0;
        int icuAgrees = 0;
        int withOverridesAgrees = 0;
        var disagreements = new java.util.ArrayList<String>();
        for (var r : JudgedQueries.chineseBooks()) {
            if (r.titlePinyin().isEmpty()) {
                continue;
            }
            withPinyin++;
            String titleProper = r.displayTitle().split(" ")[0];
            var catalogued = Pinyin.ofCatalogued(r.titlePinyin().get());
            icuAgrees += Pinyin.icuOnly(titleProper).equals(catalogued) ? 1 : 0;
            var generated = Pinyin.of(titleProper);
            if (generated.equals(catalogued)) {
                withOverridesAgrees++;
            } else {
                disagreements.add(titleProper + ": " + generated + " ≠ " + catalogued);
            }
        }
        System.out.printf("titles with 200$A: %d; ICU alone agrees: %d; with overrides: %d; still differing: %s%n",
                withPinyin, icuAgrees, withOverridesAgrees, disagreements);
        assertEquals(37, withPinyin);
        assertTrue(withOverridesAgrees > icuAgrees, "the overrides fix at least one real title");
    }
}
