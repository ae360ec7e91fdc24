package org.tongjie.text;

import org.tongjie.index.lucene.JudgedQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class SimplifiedChineseTest {
    @Test
    void traditionalCharactersAndPhrasesBecomeSimplified() {
        assertEquals("沈从文", SimplifiedChinese.of("沈從文"));
        assertEquals("傲慢与偏见", SimplifiedChinese.of("傲慢與偏見"));
        assertEquals("昆仑", SimplifiedChinese.of("崑崙"));
    }

    /** The fast path hands back the very string when ICU has nothing to change. */
    @Test
    void latinAndSimplifiedTextIsReturnedWithoutTheTransform() {
        String latin = "Pride and prejudice / Jane Austen";
        String simplified = "中国人民大学出版社的红楼梦";
        assertSame(latin, SimplifiedChinese.of(latin));
        assertSame(simplified, SimplifiedChinese.of(simplified));
    }

    @Test
    void hanIsFoundInAnyPlaneAndLatinIsNot() {
        assertTrue(SimplifiedChinese.hasHan("R语言"));
        assertTrue(SimplifiedChinese.hasHan("𠀀"));
        assertFalse(SimplifiedChinese.hasHan("Brontë, Charlotte ＡＢＣ"));
    }

    /** The fast path must never change an answer: over every unified ideograph and every shared title, ICU's own result. */
    @Test
    void fastPathGivesWhatIcuGives() throws IOException {
        var icu = Transliterator.getInstance("Traditional-Simplified");
        var texts = new ArrayList<>(JudgedQueries.unifiedIdeographRuns());
        JudgedQueries.chineseBooks().forEach(r -> texts.addAll(r.titles()));
        JudgedQueries.pool().forEach(r -> {
            texts.addAll(r.titles());
            texts.addAll(r.authors());
        });
        for (String text : texts) {
            assertEquals(icu.transliterate(text), SimplifiedChinese.of(text), text);
        }
    }
}
