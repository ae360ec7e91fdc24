package org.tongjie.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keys indexed whole stay far below Lucene's 32,766-byte term limit, and equal only for equal texts. */
class IndexKeysTest {
    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aKeyThatFitsIsLeftAsItIs() {
        String isbn = "9787536692930";
        assertSame(isbn, IndexKeys.exact(isbn));
        assertSame(isbn, IndexKeys.prefix(isbn));
    }

    @Test
    void aLongExactKeyKeepsItsStartAndAHashOfTheWhole() {
        String a = "红".repeat(20_000) + "甲";
        String b = "红".repeat(20_000) + "乙";

        assertTrue(bytes(IndexKeys.exact(a)) <= IndexKeys.MAX_BYTES, "fits: " + bytes(IndexKeys.exact(a)));
        assertTrue(IndexKeys.exact(a).startsWith("红红红"));
        assertEquals(IndexKeys.exact(a), IndexKeys.exact(new String(a)), "the same text, the same key");
        assertNotEquals(IndexKeys.exact(a), IndexKeys.exact(b), "texts that differ only past the cut differ");
        assertTrue(IndexKeys.exact(a).startsWith(IndexKeys.queryPrefix(a)), "a typed prefix still finds the key");
    }

    @Test
    void cutsFallBetweenCharactersNeverInsideOne() {
        String emoji = "📚".repeat(1_000);
        String cut = IndexKeys.prefix(emoji);

        assertEquals(IndexKeys.MAX_BYTES, bytes(cut), "256 four-byte characters");
        assertEquals(cut.codePointCount(0, cut.length()) * 2, cut.length(), "no half surrogate pair");
        assertEquals("ab", IndexKeys.cut("ab红", 4), "a three-byte character that does not fit is left out whole");
    }
}
