package org.tongjie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Ingest of the whole corpus against {@code zebraidx} on the same records in the same run:
 * {@code ./tongjie bench ingest [--corpus DIR] [--gc parallel,g1] [--load bulk,uploads]}. Each way in and
 * garbage collector setting ingests the corpus into an empty hub in a JVM of its own ({@link IngestRun});
 * zebraidx indexes {@code combined.mrc}. The first run's hub is kept in the corpus folder ({@code hub/}) for
 * the search bench.
 */
final class IngestBench {
    /** Where the ingested hub is kept beside its corpus, for the search bench. */
    static Path hub(Path corpus) {
        return corpus.resolve("hub");
    }

    static Path zebra(Path corpus) {
        return corpus.resolve("zebra");
    }

    /** A JVM setting under test: a name for the table and the options. */
    record Gc(String name, List<String> options) {
        static Gc of(String name) {
            return switch (name) {
                case "parallel" -> new Gc("ParallelGC, -Xmx3g -Xmn1g", List.of("-XX:+UseParallelGC", "-Xmx3g", "-Xmn1g"));
                case "g1" -> new Gc("G1, -Xmx3g", List.of("-XX:+UseG1GC", "-Xmx3g"));
                default -> throw new Options.UsageException("--gc takes parallel and g1, comma-separated; was '" + name + "'");
            };
        }
    }

    record Zebra(double seconds, long peakRssBytes, long registerBytes) {}

    /** One ingest of the corpus: a way in with a JVM setting. */
    record Setting(IngestRun.Load load, Gc gc) {
        String caption() {
            return gc.name() + ", " + load.caption();
        }
    }

    private IngestBench() {}

    static String run(Path corpus, List<Setting> settings) throws IOException, InterruptedException {
        if (!Files.isRegularFile(corpus.resolve(Corpus.MANIFEST))) {
            throw new IllegalStateException("no corpus in " + corpus + ": run ./tongjie bench corpus first");
        }
        var manifest = Corpus.readManifest(corpus);
        var results = new ArrayList<IngestRun.Result>();
        for (int i = 0; i < settings.size(); i++) {
            Path data = corpus.resolve("hub-" + i);
            Z3950Bench.deleteRecursively(data);
            results.add(child(settings.get(i), corpus, data));
            if (i == 0) {
                Z3950Bench.deleteRecursively(hub(corpus));
                Files.move(data, hub(corpus));
            } else {
                Z3950Bench.deleteRecursively(data);
            }
        }
        Zebra zebra = zebraidx(corpus.resolve(Corpus.COMBINED), zebra(corpus));
        return table(corpus, manifest, settings, results, zebra);
    }

    private static IngestRun.Result child(Setting setting, Path corpus, Path data) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(setting.gc().options());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IngestRun.class.getName(),
                corpus.toString(), data.toString(), setting.load().option()));
        System.err.println("ingest, " + setting.caption() + ": " + String.join(" ", command.subList(0, command.size() - 5)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the ingest run " + setting.caption() + " failed (exit " + process.exitValue() + ")");
        }
        return new ObjectMapper().readValue(out.strip().lines().reduce((a, b) -> b).orElseThrow(), IngestRun.Result.class);
    }

    /**
     * zebraidx init + update of the file into a new register, from the shared MARC21 configuration without
     * shadow registers (an initial load needs no commit), its peak RSS sampled from /proc while it runs.
     */
    private static Zebra zebraidx(Path combined, Path dir) throws IOException, InterruptedException {
        Z3950Bench.deleteRecursively(dir);
        Z3950Bench.prepareZebra(dir);
        String config = Files.readString(dir.resolve("zebra.cfg"));
        Files.writeString(dir.resolve("zebra.cfg"), config.replaceAll("(?m)^shadow:.*$", ""));
        long started = System.nanoTime();
        long peak = 0;
        for (String[] step : List.of(new String[] {"init"}, new String[] {"update", combined.toAbsolutePath().toString()})) {
            Process p = Z3950Bench.startZebraidx(dir, step);
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                try {
                    peak = Math.max(peak, ProcStatus.peakRss(p.pid()));
                } catch (IllegalStateException ended) {
                    // it ended between the check and the read
                }
            }
            if (p.exitValue() != 0) {
                throw Z3950Bench.zebraidxFailed(dir, step);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Zebra(seconds, peak, IngestRun.sizeOf(dir, "register"));
    }

    private static String table(Path corpus, Corpus.Manifest manifest, List<Setting> settings, List<IngestRun.Result> results, Zebra zebra) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Input: %s, %,d records of %d members (seed %d), %.0f MB; %s, %d cores, "
                        + "%s.%n%n", corpus, manifest.records(), manifest.members().size(),
                manifest.seed(), corpus.resolve(Corpus.COMBINED).toFile().length() / 1e6, LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), ProcStatus.loadNote()));
        sb.append("| what | records/s | seconds | peak RSS | store | index | union records (expected) |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < results.size(); i++) {
            IngestRun.Result r = results.get(i);
            sb.append(String.format(Locale.ROOT, "| Tongjie, %s: parse, normalise, store, cluster, index | %,.0f | %.0f | %s | %s | %s | %,d (%,d) |%n",
                    settings.get(i).caption(), r.records() / r.seconds(), r.seconds(), gib(r.peakRssBytes()), gib(r.storeBytes()),
                    gib(r.indexBytes()), r.unionRecords(), manifest.expectedUnionRecords()));
        }
        sb.append(String.format(Locale.ROOT, "| zebraidx init + update of combined.mrc (no shadow) | %,.0f | %.0f | %s | | %s | |%n",
                manifest.records() / zebra.seconds(), zebra.seconds(), gib(zebra.peakRssBytes()), gib(zebra.registerBytes())));
        sb.append('\n');
        for (int i = 0; i < results.size(); i++) {
            IngestRun.Result r = results.get(i);
            sb.append(String.format(Locale.ROOT, "Ratio Tongjie (%s) / zebraidx records/s: %.2f×%n", settings.get(i).caption(),
                    (r.records() / r.seconds()) / (manifest.records() / zebra.seconds())));
        }
        results.stream().filter(r -> r.quarantined() > 0).findFirst().ifPresent(r -> sb.append(String.format(Locale.ROOT,
                "%n%,d records were quarantined.%n", r.quarantined())));
        return sb.toString();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }
}
