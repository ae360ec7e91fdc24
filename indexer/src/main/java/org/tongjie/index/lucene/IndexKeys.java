package org.tongjie.index.lucene;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys indexed whole (exact terms, doc values, facet values) kept within what Lucene accepts. Lucene refuses
 * a document with a term over 32,766 bytes, and one record with a 40 KB title or a 32 KB 001 would then stop
 * every index write after it. As Elasticsearch's {@code ignore_above} does, a key longer than
 * {@value #MAX_BYTES} UTF-8 bytes is cut: where only its order or its start matters (sort keys, prefixes) at
 * a character boundary; where equality matters (ids, exact titles, facet values) its start is kept and a
 * hash of the whole appended, so two long keys are equal only when the texts are. Queries go through the
 * same function, so a long key still finds its document.
 */
final class IndexKeys {
    /** Far below Lucene's limit, and above any real identifier, ISBN, class number or title. */
    static final int MAX_BYTES = 1024;
    private static final String HASHED = "#sha256:";
    /** The kept start of a hashed key: the hash (64 hex digits) and its marker fill the rest. */
    private static final int HASHED_PREFIX_BYTES = MAX_BYTES - HASHED.length() - 64;

    private IndexKeys() {}

    /** The key unchanged when it fits; else its start and a hash of the whole, equal only for equal texts. */
    static String exact(String key) {
        if (fits(key)) {
            return key;
        }
        return cut(key, HASHED_PREFIX_BYTES) + HASHED + sha256(key);
    }

    /** The key cut at a character boundary to at most {@value #MAX_BYTES} UTF-8 bytes: for orders and prefixes. */
    static String prefix(String key) {
        return cut(key, MAX_BYTES);
    }

    /** A prefix a reader typed, cut so that it still matches the start of an {@link #exact} key. */
    static String queryPrefix(String typed) {
        return fits(typed) ? typed : cut(typed, HASHED_PREFIX_BYTES);
    }

    /** The longest start of {@code text} whose UTF-8 form has at most {@code maxBytes} bytes, surrogate pairs whole. */
    static String cut(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    private static boolean fits(String text) {
        // Most keys are short: a string of n chars has at most 3n UTF-8 bytes, and then nothing need be encoded.
        return text.length() * 3 <= MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
