package org.tongjie.harvest.oai;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Replaces the C0 control characters XML 1.0 forbids with U+FFFD in a UTF-8 response, so the parser does
 * not stop at them. They are real: XOAI echoes a refused token's bytes into its error message, and library
 * systems leak MARC delimiters (0x1D–0x1F) into MARCXML; one such byte would otherwise block a harvest at
 * that page for good. Safe byte by byte because UTF-8 never uses bytes below 0x80 inside a multibyte
 * character (OAI-PMH responses are UTF-8 by the protocol).
 */
final class ControlCharFilter extends FilterInputStream {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private int pending;

    ControlCharFilter(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (pending > 0) {
            return REPLACEMENT[REPLACEMENT.length - pending--] & 0xFF;
        }
        int b = in.read();
        if (b >= 0 && forbidden(b)) {
            pending = REPLACEMENT.length - 1;
            return REPLACEMENT[0] & 0xFF;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = 0;
        // Stop at what has arrived, so the parser sees a page as it streams in.
        while (n < length && (n == 0 || pending > 0 || in.available() > 0)) {
            int b = read();
            if (b < 0) {
                return n == 0 ? -1 : n;
            }
            buffer[offset + n++] = (byte) b;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private static boolean forbidden(int b) {
        return b < 0x20 && b != '\t' && b != '\n' && b != '\r';
    }
}
