package org.tongjie.indexer;

import java.util.List;
import org.tongjie.catalog.BibRecord;
import org.tongjie.dedup.Candidate;
import org.tongjie.dedup.Cluster;
import org.tongjie.dedup.Clusterer;

/** Records grouped by edition the way the hub's matcher joins them into union records, without a catalogue. */
public final class Editions {
    private Editions() {}

    /**
     * The ids of the records, one list per edition, in the order union records would be formed (a group's
     * first id is its union record's id); no staff overrides apply.
     */
    public static List<List<String>> group(List<BibRecord> records) {
        return Clusterer.cluster(records.stream().map(Candidate::of).toList(), List.of()).stream()
                .map(Cluster::recordIds).toList();
    }
}
