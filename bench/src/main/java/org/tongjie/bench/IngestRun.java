package org.tongjie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestReport;

/**
 * One ingest of a whole corpus into a new hub data directory, in a JVM of its own so its garbage
 * collector and peak RSS are those of the settings under test. Two ways in ({@link Load}): every member's
 * file through {@link Catalog#ingest} one after another as their uploads would come, each searchable when
 * it is in; or the same ingests as a region's first load inside {@link Catalog#inBulk}, all files stored and
 * then the union records built once. Prints one JSON line with the result; {@link IngestBench} starts it.
 */
public final class IngestRun {
    private IngestRun() {}

    /** How the corpus goes in; the command line names it in lower case. */
    enum Load {
        UPLOADS,
        BULK;

        String option() {
            return name().toLowerCase(Locale.ROOT);
        }

        String caption() {
            return switch (this) {
                case UPLOADS -> "member by member, each upload indexed as it comes";
                case BULK -> "first load: all files stored, then union records built once";
            };
        }

        static Load of(String option) {
            return Arrays.stream(values()).filter(l -> l.option().equals(option)).findFirst().orElseThrow(() ->
                    new Options.UsageException("--load takes uploads and bulk, comma-separated; was '" + option + "'"));
        }
    }

    record Result(long records, long accepted, long quarantined, double seconds, long peakRssBytes, long unionRecords,
            long storeBytes, long indexBytes, String gc) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: IngestRun CORPUS_DIR NEW_DATA_DIR uploads|bulk");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Load load = Load.of(args[2]);
        if (Files.exists(data)) {
            throw new IllegalStateException(data + " exists: the ingest bench starts from an empty hub");
        }
        var manifest = Corpus.readManifest(corpus);
        var members = CorpusMember.network(manifest.members().size());
        long started = System.nanoTime();
        List<IngestReport> reports;
        try (Catalog catalog = Catalog.open(data, Clock.systemUTC())) {
            for (CorpusMember m : members) {
                catalog.libraries().save(m.library());
            }
            reports = load == Load.BULK ? catalog.maintenance().inBulk(() -> uploads(catalog, corpus, members, started))
                    : uploads(catalog, corpus, members, started);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long unions;
        try (Catalog catalog = Catalog.open(data, Clock.systemUTC())) {
            unions = catalog.search().page("", 1, 1).total();
        }
        var gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList();
        long accepted = reports.stream().mapToLong(r -> r.accepted() + r.updated()).sum();
        long quarantined = reports.stream().mapToLong(IngestReport::quarantined).sum();
        var result = new Result(manifest.records(), accepted, quarantined, seconds, ProcStatus.peakRss(ProcessHandle.current().pid()),
                unions, sizeOf(data, "catalog.db"), sizeOf(data, "index"), String.join(" + ", gc));
        System.out.println(new ObjectMapper().writeValueAsString(result));
    }

    private static List<IngestReport> uploads(Catalog catalog, Path corpus, List<CorpusMember> members, long started) {
        var reports = new ArrayList<IngestReport>();
        long accepted = 0;
        for (CorpusMember m : members) {
            long t0 = System.nanoTime();
            IngestReport report;
            try (InputStream in = Files.newInputStream(Corpus.memberFile(corpus, m.id()))) {
                report = catalog.ingest().file(m.id(), in, m.id() + ".mrc");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reports.add(report);
            accepted += report.accepted();
            System.err.printf(Locale.ROOT, "  %s: %,d records in %.1f s (%,d so far, %.0f s)%n", m.id(), report.accepted(),
                    (System.nanoTime() - t0) / 1e9, accepted, (System.nanoTime() - started) / 1e9);
        }
        return reports;
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
