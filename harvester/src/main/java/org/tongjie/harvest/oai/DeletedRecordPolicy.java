package org.tongjie.harvest.oai;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a repository reports deletions: {@code NO} never (a harvester only sees records vanish on a full
 * re-harvest), {@code TRANSIENT} for a while, {@code PERSISTENT} forever.
 */
public enum DeletedRecordPolicy {
    NO("no"),
    TRANSIENT("transient"),
    PERSISTENT("persistent");

    private final String wire;

    DeletedRecordPolicy(String wire) {
        this.wire = wire;
    }

    static Optional<DeletedRecordPolicy> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst();
    }
}
