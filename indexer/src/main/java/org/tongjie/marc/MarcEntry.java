package org.tongjie.marc;

import java.util.List;
import org.marc4j.marc.Record;
import org.tongjie.catalog.Encoding;
import org.tongjie.catalog.RecordSyntax;

/** One item read from a MARC stream: a record marc4j could parse, or the reason it could not. */
public sealed interface MarcEntry {

    /** Where in the stream the entry stood: 1 for the first record. */
    long position();

    /** The record's bytes exactly as they were sent (for MARCXML, the record element on its own). */
    byte[] raw();

    /**
     * A record read, with what the lenient reading repaired in it ({@code repairs}: sentences for the
     * member's upload report); the bytes stay as sent.
     */
    record Parsed(long position, RecordSyntax syntax, byte[] raw, Record record, Encoding encoding, List<String> repairs)
            implements MarcEntry {
        public Parsed {
            repairs = List.copyOf(repairs);
        }

        public Parsed(long position, RecordSyntax syntax, byte[] raw, Record record, Encoding encoding) {
            this(position, syntax, raw, record, encoding, List.of());
        }

        /** The same record at another position of its source. */
        public Parsed at(long newPosition) {
            return new Parsed(newPosition, syntax, raw, record, encoding, repairs);
        }
    }

    record Broken(long position, byte[] raw, String reason) implements MarcEntry {}
}
