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
    private int next;

    @Setup
    public void load() throws IOException {
        records = JmhRecords.normalised();
        keys = records.stream().map(MatchKeys::of).toList();
    }

    @Benchmark
    public Set<String> matchAndBlockKeys() {
        return BlockKeys.of(MatchKeys.of(records.get(next++ % records.size())));
    }

    @Benchmark
    public MatchDecision compare() {
        int i = next++;
        return Matcher.compare(keys.get(i % keys.size()), keys.get((i * 31 + 7) % keys.size()));
    }
}
