package org.tongjie.marc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.tongjie.catalog.BibRecord;

/**
 * The reader (ISO 2709 bytes to a marc4j record, character set decided) and the normaliser (mapping table
 * to a {@link BibRecord}), one record per operation, over the shared MARC21 pool:
 * {@code ./tongjie bench jmh MarcBenchmark}.
 */
public class MarcBenchmark extends JmhSettings {
    private List<byte[]> raw;
    private List<MarcEntry.Parsed> parsed;

    @Setup
    public void load() throws IOException {
        raw = JmhRecords.parsed().stream().map(MarcEntry.Parsed::raw).toList();
        // The normaliser's share: the bibliographic records (the pool holds a few it does not map).
        parsed = JmhRecords.parsed().stream().filter(p -> Normalizer.normalize("jmh", p).isPresent()).toList();
    }

    @Benchmark
    public MarcEntry read() throws IOException {
        byte[] record = next(raw);
        try (var source = MarcSource.open(new ByteArrayInputStream(record))) {
            return source.next();
        }
    }

    @Benchmark
    public BibRecord normalise() {
        return Normalizer.normalize("jmh", next(parsed)).orElseThrow();
    }
}
