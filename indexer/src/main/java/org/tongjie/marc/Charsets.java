package org.tongjie.marc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Chooses the character set marc4j decodes an ISO 2709 record with. Leader/09 'a' means UTF-8; a blank
 * means MARC-8 in MARC21, but Chinese exports with a blank leader/09 are usually GB 18030 (or its subsets
 * GBK and GB 2312), and many exports say MARC-8 while holding UTF-8. So the bytes decide: valid UTF-8 is
 * UTF-8, else a record with a UNIMARC title field (200) that decodes as GB 18030 is GB 18030, else MARC-8.
 */
final class Charsets {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private Charsets() {}

    static String marc4jEncoding(byte[] raw) {
        if (raw.length > 9 && raw[9] == 'a') {
            return "UTF8";
        }
        if (!hasHighBytes(raw) || decodes(raw, StandardCharsets.UTF_8)) {
            return "UTF8";
        }
        if (hasTag(raw, "200") && !hasTag(raw, "245") && decodes(raw, GB18030)) {
            return "GB18030";
        }
        return "MARC8";
    }

    private static boolean hasHighBytes(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodes(byte[] raw, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Looks the tag up in the directory, which runs in 12-byte entries from byte 24 to a field terminator. */
    private static boolean hasTag(byte[] raw, String tag) {
        byte t0 = (byte) tag.charAt(0), t1 = (byte) tag.charAt(1), t2 = (byte) tag.charAt(2);
        for (int i = 24; i + 12 <= raw.length && raw[i] != 0x1E; i += 12) {
            if (raw[i] == t0 && raw[i + 1] == t1 && raw[i + 2] == t2) {
                return true;
            }
        }
        return false;
    }
}
