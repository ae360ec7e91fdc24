package org.tongjie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestReport;

/**
 * One ingest of a whole corpus into a new hub data directory, in a JVM of its own so its garbage
 * collector and peak RSS are those of the settings under test: every member's file through
 * {@link Catalog#ingest} (parse, normalise, store, cluster, index), members one after another as their
 * uploads would come. Prints one JSON line with the result; {@link IngestBench} starts it.
 */
public final class IngestRun {
    private IngestRun() {}

    record Result(long records, long accepted, long quarantined, double seconds, long peakRssBytes, long unionRecords,
            long storeBytes, long indexBytes, String gc) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: IngestRun CORPUS_DIR NEW_DATA_DIR");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path data = Path.of(args[1]);
        if (Files.exists(data)) {
            throw new IllegalStateException(data + " exists: the ingest bench starts from an empty hub");
        }
        var manifest = Corpus.readManifest(corpus);
        var members = CorpusMember.network(manifest.members().size());
        long accepted = 0;
        long quarantined = 0;
        long started = System.nanoTime();
        try (Catalog catalog = Catalog.open(data, Clock.systemUTC())) {
            for (CorpusMember m : members) {
                catalog.saveLibrary(m.library());
            }
            for (CorpusMember m : members) {
                long t0 = System.nanoTime();
                IngestReport report;
                try (InputStream in = Files.newInputStream(Corpus.memberFile(corpus, m.id()))) {
                    report = catalog.ingest(m.id(), in, m.id() + ".mrc");
                }
                accepted += report.accepted() + report.updated();
                quarantined += report.quarantined();
                System.err.printf(Locale.ROOT, "  %s: %,d records in %.1f s (%,d so far, %.0f s)%n", m.id(), report.accepted(),
                        (System.nanoTime() - t0) / 1e9, accepted, (System.nanoTime() - started) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long unions;
        try (var reader = DirectoryReader.open(FSDirectory.open(data.resolve("index")))) {
            unions = reader.numDocs();
        }
        var gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList();
        var result = new Result(manifest.records(), accepted, quarantined, seconds, ProcStatus.peakRss(ProcessHandle.current().pid()),
                unions, sizeOf(data, "catalog.db"), sizeOf(data, "index"), String.join(" + ", gc));
        System.out.println(new ObjectMapper().writeValueAsString(result));
    }

    /** Bytes under data/{@code name} and beside it ({@code catalog.db-wal}), a file or a folder. */
    static long sizeOf(Path data, String name) throws IOException {
        try (var paths = Files.walk(data)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> data.relativize(p).toString().startsWith(name))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
