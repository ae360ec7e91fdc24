package org.tongjie.indexer;

/**
 * How large a member's record may be before it is quarantined rather than stored, whatever its format: one
 * record of 200 MB, or a title of 40 KB, must cost the hub one quarantine entry, not its memory or its index.
 *
 * @param maxRecordBytes one record as sent (ISO 2709 record, MARCXML {@code record} element); larger ones are
 *     read no further than this and quarantined
 * @param maxFieldBytes one field's data in UTF-8 (a control field, or a data field's subfields together);
 *     ISO 2709 cannot carry more than 9,999 bytes in a field, MARCXML has no such bound
 * @param maxIdBytes the record's id (its 001, or the member's identifying field) in UTF-8; at most 512, so that a
 *     record id (the member's id and this) is indexed as it is and the Z39.50 server can read it back
 */
public record IngestLimits(long maxRecordBytes, int maxFieldBytes, int maxIdBytes) {
    /** 8 MiB a record (what ISO 2709 reading always allowed), 32 KiB a field, 256 bytes an id. */
    public static final IngestLimits DEFAULTS = new IngestLimits(8L << 20, 32 << 10, 256);

    public IngestLimits {
        if (maxRecordBytes < 1024 || maxFieldBytes < 1024 || maxIdBytes < 16 || maxIdBytes > 512
                || maxFieldBytes > maxRecordBytes) {
            throw new IllegalArgumentException("limits too small or inconsistent: a record at least 1 KiB, a field at"
                    + " least 1 KiB and no more than a record, an id from 16 to 512 bytes; given " + maxRecordBytes + ", "
                    + maxFieldBytes + ", " + maxIdBytes);
        }
    }
}
