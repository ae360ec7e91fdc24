package org.tongjie.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A staff decision about two source records that outranks the matcher and survives re-harvests, since
 * record ids stay the same when a member sends a record again: MERGE keeps them in one union record
 * even against a veto, SPLIT keeps them apart whatever rule would join them.
 */
public record ClusterOverride(String recordA, String recordB, Kind kind, String actor, String reason, Instant at) {
    public enum Kind { MERGE, SPLIT }

    public ClusterOverride {
        Objects.requireNonNull(recordA, "recordA");
        Objects.requireNonNull(recordB, "recordB");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (recordA.equals(recordB)) {
            throw new IllegalArgumentException("an override needs two different records, got " + recordA + " twice");
        }
    }
}
