package org.tongjie.index;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Traditional characters to simplified (沈從文 → 沈从文, 傲慢與偏見 → 傲慢与偏见) with ICU's
 * {@code Traditional-Simplified} transform, applied before tokenising at index and query time alike, so
 * either script finds both and the segmenters see the script their dictionaries were built from.
 */
public final class SimplifiedChinese {
    // ICU documents transliterators as unsafe to share across threads; one per thread is cheap once built.
    private static final ThreadLocal<Transliterator> TRANSFORM =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private SimplifiedChinese() {}

    public static String of(String text) {
        return TRANSFORM.get().transliterate(text);
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
