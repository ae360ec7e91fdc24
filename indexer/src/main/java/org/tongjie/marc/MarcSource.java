package org.tongjie.marc;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.tongjie.catalog.NotMarcException;
import org.tongjie.catalog.RecordSyntax;

/**
 * Reads MARC records one by one from ISO 2709 or MARCXML, telling which from the content. A record that
 * cannot be read comes out as {@link MarcEntry.Broken} with its reason; the records after it still come.
 * marc4j's readers are neither iterators nor closeable and throw on the first bad record: this wraps them
 * once, so nothing else in the hub touches them.
 */
public abstract sealed class MarcSource implements Iterator<MarcEntry>, AutoCloseable
        permits Iso2709Source, MarcXmlSource {

    /** What ISO 2709 reading always allowed a record; {@link #open(InputStream, long)} sets another. */
    public static final long DEFAULT_MAX_RECORD_BYTES = 8L << 20;

    private final InputStream in;
    private final long maxRecordBytes;
    private MarcEntry next;
    private long position;

    MarcSource(InputStream in, long maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Opens a stream of ISO 2709 or MARCXML; the format is told from the first bytes. */
    public static MarcSource open(InputStream in) {
        return open(in, DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * As {@link #open(InputStream)}; a record larger than {@code maxRecordBytes} is read no further than that
     * (nor kept in memory) and comes out as {@link MarcEntry.Broken}, and the records after it still come.
     */
    public static MarcSource open(InputStream in, long maxRecordBytes) {
        var buffered = new BufferedInputStream(in, 1 << 16);
        return switch (sniff(buffered)) {
            case ISO2709 -> new Iso2709Source(buffered, maxRecordBytes);
            case MARCXML -> new MarcXmlSource(buffered, maxRecordBytes);
        };
    }

    /**
     * The first record of {@code raw} as read (a stored or fetched record, one to a byte array), or empty
     * when it does not parse.
     */
    public static Optional<MarcEntry.Parsed> parseOne(byte[] raw) {
        // Every record in the store is read back this way when union records are built: an ISO 2709 record
        // skips the stream's sniffing and its two 64 KB buffers.
        if (Iso2709Source.isOneRecord(raw)) {
            return Iso2709Source.entry(1, raw) instanceof MarcEntry.Parsed parsed ? Optional.of(Repairs.applied(parsed)) : Optional.empty();
        }
        try (var in = open(new ByteArrayInputStream(raw))) {
            return in.hasNext() && in.next() instanceof MarcEntry.Parsed parsed ? Optional.of(parsed) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RecordSyntax sniff(BufferedInputStream in) {
        try {
            in.mark(4096);
            byte[] head = in.readNBytes(4096);
            in.reset();
            int i = skipBomAndWhitespace(head);
            if (i == head.length) {
                throw new NotMarcException("the upload is empty");
            }
            if (head[i] == '<') {
                return RecordSyntax.MARCXML;
            }
            if (head.length - i >= 5 && isDigits(head, i, 5)) {
                return RecordSyntax.ISO2709;
            }
            throw new NotMarcException("not MARC: an ISO 2709 record starts with five digits giving its length"
                    + " and MARCXML with '<'; this starts with " + describe(head, i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int skipBomAndWhitespace(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < head.length && (Character.isWhitespace(head[i]) || head[i] == 0)) {
            i++;
        }
        return i;
    }

    static boolean isDigits(byte[] bytes, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static String describe(byte[] head, int from) {
        var sb = new StringBuilder();
        for (int i = from; i < Math.min(head.length, from + 12); i++) {
            int b = head[i] & 0xFF;
            sb.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return "'" + sb + "'";
    }

    /** Reads the next entry, or returns null at the end of the stream. */
    abstract MarcEntry readNext(long position) throws IOException;

    InputStream in() {
        return in;
    }

    long maxRecordBytes() {
        return maxRecordBytes;
    }

    /** The reason given for a record over the limit. */
    static String tooLarge(long maxRecordBytes) {
        return String.format("the record is larger than %,d bytes, the most a record may have"
                + " (limits.max-record-size); it was read no further", maxRecordBytes);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = readNext(position + 1);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the MARC stream failed after record " + position, e);
            }
            if (next != null) {
                position++;
            }
        }
        return next != null;
    }

    @Override
    public MarcEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        var entry = next;
        next = null;
        return entry instanceof MarcEntry.Parsed parsed ? Repairs.applied(parsed) : entry;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
