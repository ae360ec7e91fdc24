package org.tongjie.marc;

import org.marc4j.marc.Record;
import org.tongjie.catalog.Encoding;
import org.tongjie.catalog.RecordSyntax;

/** One item read from a MARC stream: a record marc4j could parse, or the reason it could not. */
public sealed interface MarcEntry {

    /** Where in the stream the entry stood: 1 for the first record. */
    long position();

    /** The record's bytes exactly as they were sent (for MARCXML, the record element on its own). */
    byte[] raw();

    record Parsed(long position, RecordSyntax syntax, byte[] raw, Record record, Encoding encoding) implements MarcEntry {}

    record Broken(long position, byte[] raw, String reason) implements MarcEntry {}
}
