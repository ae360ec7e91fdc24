package org.tongjie.dedup;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.tongjie.catalog.BibRecord;
import org.tongjie.marc.JmhRecords;
import org.tongjie.marc.JmhSettings;

/**
 * Match keys and block keys of one normalised record per operation (what every ingested record costs the
 * clusterer before any comparison), and one pairwise comparison: {@code ./tongjie bench jmh MatchKeysBenchmark}.
 */
public class MatchKeysBenchmark extends JmhSettings {
    private List<BibRecord> records;
    private List<MatchKeys> keys;
    /** The same keys in another order, so each comparison pairs two different records. */
    private List<MatchKeys> others;

    @Setup
    public void load() throws IOException {
        records = JmhRecords.normalised();
        keys = records.stream().map(MatchKeys::of).toList();
        var shuffled = new java.util.ArrayList<>(keys);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));
        others = List.copyOf(shuffled);
    }

    @Benchmark
    public Set<String> matchAndBlockKeys() {
        return BlockKeys.of(MatchKeys.of(next(records)));
    }

    @Benchmark
    public MatchDecision compare() {
        return Matcher.compare(next(keys), next(others));
    }
}
