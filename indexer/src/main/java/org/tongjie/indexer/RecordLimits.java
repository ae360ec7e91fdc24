package org.tongjie.indexer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/** The checks of {@link IngestLimits} on a parsed record, and the reasons the quarantine gives. */
final class RecordLimits {
    private RecordLimits() {}

    /** Why the record is refused, when one of its fields is larger than a field may be. */
    static Optional<String> oversizedField(Record record, IngestLimits limits) {
        for (ControlField f : record.getControlFields()) {
            long size = utf8(f.getData());
            if (size > limits.maxFieldBytes()) {
                return Optional.of(fieldReason(f.getTag(), size, limits));
            }
        }
        for (DataField f : record.getDataFields()) {
            long size = 0;
            for (Subfield s : f.getSubfields()) {
                size += 2 + utf8(s.getData());
            }
            if (size > limits.maxFieldBytes()) {
                return Optional.of(fieldReason(f.getTag(), size, limits));
            }
        }
        return Optional.empty();
    }

    /** Why the record is refused, when its id is longer than an id may be. */
    static Optional<String> oversizedId(String id, IngestLimits limits) {
        long size = utf8(id);
        return size <= limits.maxIdBytes() ? Optional.empty() : Optional.of(String.format(
                "the record's id (its 001 or the member's identifying field) has %,d bytes, more than the %,d an id may"
                        + " have (limits.max-id-length)", size, limits.maxIdBytes()));
    }

    /** An id as the quarantine shows it: a long one cut to the limit and marked so. */
    static String shown(String id, IngestLimits limits) {
        if (utf8(id) <= limits.maxIdBytes()) {
            return id;
        }
        int end = Math.min(id.length(), limits.maxIdBytes() / 3);
        if (Character.isHighSurrogate(id.charAt(end - 1))) {
            end--;
        }
        return id.substring(0, end) + "…";
    }

    private static String fieldReason(String tag, long size, IngestLimits limits) {
        return String.format("field %s has %,d bytes, more than the %,d a field may have (limits.max-field-size)",
                tag, size, limits.maxFieldBytes());
    }

    private static long utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
