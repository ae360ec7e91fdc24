package org.tongjie.dedup;

import java.util.Set;
import org.tongjie.catalog.BibRecord;

/**
 * A normalised record ready for matching: its match keys and block keys are worked out once (folding
 * traditional characters is not free), so a record compared with many others is prepared only once.
 */
public final class Candidate {
    private final BibRecord record;
    private final MatchKeys keys;
    private final Set<String> blockKeys;
    private final MatchKeys profile;

    private Candidate(BibRecord record) {
        this.record = record;
        this.keys = MatchKeys.of(record);
        this.blockKeys = BlockKeys.of(keys);
        this.profile = keys.profile();
    }

    public static Candidate of(BibRecord record) {
        return new Candidate(record);
    }

    public BibRecord record() {
        return record;
    }

    public String recordId() {
        return record.id();
    }

    public Set<String> blockKeys() {
        return blockKeys;
    }

    MatchKeys keys() {
        return keys;
    }

    MatchKeys profile() {
        return profile;
    }
}
