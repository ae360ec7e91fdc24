package org.tongjie.marc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.marc4j.MarcException;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.Record;
import org.tongjie.catalog.RecordSyntax;

/**
 * ISO 2709 records, framed by the record terminator (0x1D) rather than by the length in the leader:
 * a wrong length then damages one record instead of every record after it. No supported character set
 * (UTF-8, MARC-8, GB 18030) puts 0x1D inside field data.
 */
final class Iso2709Source extends MarcSource {
    private static final int RECORD_TERMINATOR = 0x1D;

    static {
        // marc4j's permissive reader lower-cases upper-case subfield codes unless this global property is
        // set; CNMARC puts the pinyin of a title in 200 $A, which must stay apart from 200 $a.
        System.setProperty("org.marc4j.MarcPermissiveStreamReader.upperCaseSubfields", "true");
        // Every marc4j reader asks MarcFactory for its factory, which without this property tries to open
        // $JAVA_HOME/lib/marc4j.properties and scans the class path for a service file: a failed file open and
        // a jar scan per record read, found by profiling a 1M-record ingest. Naming marc4j's own default skips both.
        if (System.getProperty("org.marc4j.marc.MarcFactory") == null) {
            System.setProperty("org.marc4j.marc.MarcFactory", "org.marc4j.marc.impl.MarcFactoryImpl");
        }
    }

    private boolean oversized;

    Iso2709Source(InputStream in, long maxRecordBytes) {
        super(in, maxRecordBytes);
    }

    @Override
    MarcEntry readNext(long position) throws IOException {
        oversized = false;
        byte[] raw = readUpToTerminator();
        if (raw == null) {
            return null;
        }
        return oversized ? new MarcEntry.Broken(position, raw, tooLarge(maxRecordBytes())) : entry(position, raw);
    }

    /** True when the bytes are one whole record as {@link #readNext} would frame it: read back from the store. */
    static boolean isOneRecord(byte[] raw) {
        if (raw.length == 0 || !Character.isDigit(raw[0]) || raw[raw.length - 1] != RECORD_TERMINATOR) {
            return false;
        }
        for (int i = 0; i < raw.length - 1; i++) {
            if (raw[i] == RECORD_TERMINATOR) {
                return false;
            }
        }
        return true;
    }

    /** One record's bytes, up to and including its terminator, parsed or broken with the reason. */
    static MarcEntry entry(long position, byte[] raw) {
        if (raw[raw.length - 1] != RECORD_TERMINATOR) {
            return new MarcEntry.Broken(position, raw,
                    "truncated record: " + raw.length + " bytes after the last record terminator (0x1D)");
        }
        String problem = leaderProblem(raw);
        if (problem != null) {
            return new MarcEntry.Broken(position, raw, problem);
        }
        var decision = Charsets.decide(raw, Charsets.looksUnimarc(raw));
        try {
            return new MarcEntry.Parsed(position, RecordSyntax.ISO2709, raw, parse(raw, decision.marc4jEncoding()),
                    decision.encoding(), Repairs.charset(raw, decision));
        } catch (RuntimeException e) {
            return new MarcEntry.Broken(position, raw, "unreadable record: " + e.getMessage());
        }
    }

    private final byte[] buffer = new byte[1 << 16];
    private int bufferPos;
    private int bufferEnd;

    /**
     * Returns the bytes up to and including the next terminator. Line breaks, NULs and stray terminators
     * between records are padding that exporters add (the LC sample ends in "1D 1D 00"), not records.
     */
    private byte[] readUpToTerminator() throws IOException {
        var out = new ByteArrayOutputStream(4096);
        while (fill()) {
            if (out.size() == 0) {
                skipPadding();
                if (bufferPos == bufferEnd) {
                    continue;
                }
            }
            int start = bufferPos;
            while (bufferPos < bufferEnd && buffer[bufferPos] != RECORD_TERMINATOR) {
                bufferPos++;
            }
            boolean terminated = bufferPos < bufferEnd;
            if (terminated) {
                bufferPos++;
            }
            out.write(buffer, start, bufferPos - start);
            if (terminated) {
                return out.toByteArray();
            }
            if (out.size() > maxRecordBytes()) {
                oversized = true;
                skipPastTerminator();
                return out.toByteArray();
            }
        }
        return out.size() == 0 ? null : out.toByteArray();
    }

    private void skipPadding() {
        while (bufferPos < bufferEnd) {
            byte b = buffer[bufferPos];
            if (b != '\n' && b != '\r' && b != ' ' && b != 0 && b != RECORD_TERMINATOR) {
                return;
            }
            bufferPos++;
        }
    }

    private boolean fill() throws IOException {
        if (bufferPos < bufferEnd) {
            return true;
        }
        bufferEnd = in().read(buffer);
        bufferPos = 0;
        if (bufferEnd <= 0) {
            bufferEnd = 0;
            return false;
        }
        return true;
    }

    private void skipPastTerminator() throws IOException {
        while (fill()) {
            while (bufferPos < bufferEnd) {
                if (buffer[bufferPos++] == RECORD_TERMINATOR) {
                    return;
                }
            }
        }
    }

    private static String leaderProblem(byte[] raw) {
        if (raw.length < 25) {
            return "record of " + raw.length + " bytes is shorter than a 24-byte leader";
        }
        if (!isDigits(raw, 0, 5)) {
            return "leader/00-04 must give the record length in digits, found '" + ascii(raw, 0, 5) + "'";
        }
        if (!isDigits(raw, 12, 5)) {
            return "leader/12-16 must give the base address of data in digits, found '" + ascii(raw, 12, 5) + "'";
        }
        int base = Integer.parseInt(ascii(raw, 12, 5));
        if (base < 25 || base > raw.length) {
            return "leader/12-16 gives base address " + base + ", outside the record's " + raw.length + " bytes";
        }
        return null;
    }

    private static String ascii(byte[] raw, int from, int count) {
        return new String(raw, from, count, StandardCharsets.ISO_8859_1);
    }

    /**
     * marc4j decodes by leader/09 whatever it is told ('a' forces UTF-8), so a copy of the record carries
     * the leader/09 of our decision; the raw bytes kept in the store are left as sent. A sound UTF-8 or
     * MARC-8 record goes through marc4j's strict reader, several times faster; anything the strict reader
     * refuses, and GB 18030 or ISO 5426 (which only the permissive reader decodes), goes through the
     * permissive one, which repairs what it can.
     */
    private static Record parse(byte[] raw, String encoding) {
        byte[] bytes = raw.clone();
        bytes[9] = (byte) (encoding.equals("UTF8") ? 'a' : ' ');
        if (encoding.equals("UTF8") || encoding.equals("MARC8")) {
            try {
                var strict = new MarcStreamReader(new ByteArrayInputStream(bytes), encoding);
                if (strict.hasNext()) {
                    return strict.next();
                }
            } catch (MarcException refused) {
                // the permissive reader below gets its turn
            }
        }
        var reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(bytes), true, true, encoding);
        if (!reader.hasNext()) {
            throw new IllegalStateException("marc4j found no record in the bytes");
        }
        return reader.next();
    }
}
