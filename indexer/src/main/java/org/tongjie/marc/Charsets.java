package org.tongjie.marc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.tongjie.catalog.Encoding;

/**
 * Decides the character set of an ISO 2709 record from its bytes, its leader and, for UNIMARC, its
 * 100 $a/26-27; the decision and its evidence stay with the record. Leader/09 and 100 $a are often
 * wrong in real exports (UTF-8 records that claim MARC-8, Chinese GBK exports with a blank leader/09), so
 * the bytes have the last word:
 * <ol>
 *   <li>valid UTF-8 (or plain ASCII) is UTF-8;</li>
 *   <li>bytes whose two-byte sequences lie almost all in the GB 2312 area (both bytes 0xA1-0xFE) are
 *       GB 18030, which contains GBK and GB 2312 — ISO 5426 and MARC-8 diacritics precede an ASCII letter
 *       and never look like that;</li>
 *   <li>otherwise a UNIMARC record is ISO 5426 and a MARC21 record is MARC-8.</li>
 * </ol>
 */
final class Charsets {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final double GB_AREA_SHARE = 0.8;
    private static final String SUBFIELD_A = (char) 0x1F + "a";

    private Charsets() {}

    /** marc4j's name for the decoder, and what the hub records of the decision. */
    record Decision(String marc4jEncoding, Encoding encoding) {}

    static Decision decide(byte[] raw, boolean unimarc) {
        boolean claimsUtf8 = raw.length > 9 && raw[9] == 'a';
        String claim = claimsUtf8 ? "leader/09 'a' says UTF-8" : unimarcClaim(raw, unimarc);
        if (!hasHighBytes(raw)) {
            return new Decision("UTF8", new Encoding("UTF-8", "only ASCII bytes; " + claim));
        }
        if (decodes(raw, StandardCharsets.UTF_8)) {
            return new Decision("UTF8", new Encoding("UTF-8", "bytes are valid UTF-8; " + claim));
        }
        double gbShare = gb2312AreaShare(raw);
        if (gbShare >= GB_AREA_SHARE && decodes(raw, GB18030)) {
            return new Decision("GB18030", new Encoding("GB18030", String.format(Locale.ROOT,
                    "not valid UTF-8; %.0f%% of two-byte sequences in the GB 2312 area; %s", gbShare * 100, claim)));
        }
        if (unimarc) {
            return new Decision("Unimarc", new Encoding("ISO-5426", "not valid UTF-8 nor GB 18030 text; UNIMARC; " + claim));
        }
        return new Decision("MARC8", new Encoding("MARC-8", "not valid UTF-8 nor GB 18030 text; MARC21; " + claim));
    }

    private static String unimarcClaim(byte[] raw, boolean unimarc) {
        if (!unimarc) {
            return "leader/09 blank says MARC-8";
        }
        return field100a(raw).filter(a -> a.length() >= 28)
                .map(a -> "100 $a/26-27 says '" + a.substring(26, 28) + "'")
                .orElse("no 100 $a character set");
    }

    /** True for a directory with a UNIMARC title (200) and no MARC21 title (245). */
    static boolean looksUnimarc(byte[] raw) {
        return fieldData(raw, "200").isPresent() && fieldData(raw, "245").isEmpty();
    }

    private static Optional<String> field100a(byte[] raw) {
        return fieldData(raw, "100").map(d -> new String(d, StandardCharsets.ISO_8859_1))
                .map(s -> s.contains(SUBFIELD_A) ? s.substring(s.indexOf(SUBFIELD_A) + 2) : s);
    }

    /** The bytes of the first field with the tag, read straight from the directory. */
    private static Optional<byte[]> fieldData(byte[] raw, String tag) {
        if (raw.length < 24 || !MarcSource.isDigits(raw, 12, 5)) {
            return Optional.empty();
        }
        int base = Integer.parseInt(new String(raw, 12, 5, StandardCharsets.US_ASCII));
        for (int i = 24; i + 12 <= raw.length && raw[i] != 0x1E; i += 12) {
            if (raw[i] == tag.charAt(0) && raw[i + 1] == tag.charAt(1) && raw[i + 2] == tag.charAt(2)
                    && MarcSource.isDigits(raw, i + 3, 9)) {
                int length = Integer.parseInt(new String(raw, i + 3, 4, StandardCharsets.US_ASCII));
                int start = base + Integer.parseInt(new String(raw, i + 7, 5, StandardCharsets.US_ASCII));
                if (start + length <= raw.length && length > 3) {
                    byte[] data = new byte[length - 3];
                    System.arraycopy(raw, start + 2, data, 0, data.length);
                    return Optional.of(data);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasHighBytes(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** Of the high bytes that start a pair, the share whose pair lies in GB 2312's 0xA1-0xFE square. */
    private static double gb2312AreaShare(byte[] raw) {
        int pairs = 0;
        int inArea = 0;
        for (int i = 0; i < raw.length; i++) {
            int b = raw[i] & 0xFF;
            if (b >= 0x80) {
                pairs++;
                int next = i + 1 < raw.length ? raw[i + 1] & 0xFF : 0;
                if (b >= 0xA1 && b <= 0xFE && next >= 0xA1 && next <= 0xFE) {
                    inArea++;
                }
                i++;
            }
        }
        return pairs == 0 ? 0 : (double) inArea / pairs;
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
}
