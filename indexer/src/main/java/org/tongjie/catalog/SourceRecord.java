package org.tongjie.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A record exactly as a member library sent it. The store keeps these, so the index can always be
 * rebuilt from them.
 */
public record SourceRecord(
        String libraryId, String localId, RecordSyntax syntax, byte[] raw, Instant datestamp, boolean deleted) {

    public SourceRecord {
        Objects.requireNonNull(libraryId, "libraryId");
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(datestamp, "datestamp");
    }

    /** The hub-wide id of this record: stable across re-harvests, safe in a URL path. */
    public String recordId() {
        return idOf(libraryId, localId);
    }

    /** The hub's id of a member's record: the same each time the member sends it. */
    public static String idOf(String libraryId, String localId) {
        return RecordIds.of(libraryId, localId);
    }
}
