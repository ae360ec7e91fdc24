package org.tongjie.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;

/**
 * MARC parse + normalise throughput against {@code yaz-marcdump -n} (parse only, no output) on the same
 * file in the same run. The file is the largest real one we have, repeated to make the run long enough
 * to time: {@code ./tongjie bench marc [FILE] [--copies N]}.
 */
final class MarcBench {
    static final Path DEFAULT_FILE = Path.of("../shared/data/xbib-marc-test-resources/dialects/unimarc/periouni.mrc");
    private static final int RUNS = 3;

    private MarcBench() {}

    record Result(String what, long records, double seconds) {
        double rate() {
            return records / seconds;
        }
    }

    static String run(Path file, int copies) throws IOException, InterruptedException {
        Path input = Files.createTempFile("tongjie-marc-bench", ".mrc");
        try {
            repeat(file, copies, input);
            long bytes = Files.size(input);
            ours(input);
            var ourRuns = new ArrayList<Result>();
            var yazRuns = new ArrayList<Result>();
            for (int i = 0; i < RUNS; i++) {
                ourRuns.add(ours(input));
                yazRuns.add(yaz(input, ourRuns.getLast().records()));
            }
            Result ours = median(ourRuns);
            Result yaz = median(yazRuns);
            return table(file, copies, bytes, ours, yaz);
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static void repeat(Path file, int copies, Path into) throws IOException {
        byte[] content = Files.readAllBytes(file);
        try (OutputStream out = Files.newOutputStream(into)) {
            for (int i = 0; i < copies; i++) {
                out.write(content);
            }
        }
    }

    /** One thread: read, decide the character set, parse with marc4j, identify and map. */
    private static Result ours(Path input) throws IOException {
        long start = System.nanoTime();
        long records = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16);
             var source = MarcSource.open(in)) {
            while (source.hasNext()) {
                if (source.next() instanceof MarcEntry.Parsed parsed && Normalizer.normalize("bench", parsed).isPresent()) {
                    records++;
                }
            }
        }
        return new Result("Tongjie: parse + normalise (1 thread)", records, (System.nanoTime() - start) / 1e9);
    }

    private static Result yaz(Path input, long records) throws IOException, InterruptedException {
        long start = System.nanoTime();
        var process = new ProcessBuilder("yaz-marcdump", "-n", input.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("yaz-marcdump failed (exit " + process.exitValue() + "); is Debian's yaz installed?");
        }
        return new Result("yaz-marcdump -n: parse only (1 thread, C)", records, (System.nanoTime() - start) / 1e9);
    }

    private static Result median(List<Result> runs) {
        var sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        return sorted.get(sorted.size() / 2);
    }

    private static String table(Path file, int copies, long bytes, Result ours, Result yaz) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Input: %s repeated %d times (%,d records, %.1f MB); median of %d runs; %s, %d cores.%n%n",
                file.getFileName(), copies, ours.records(), bytes / 1e6, RUNS, LocalDate.now(), Runtime.getRuntime().availableProcessors()));
        sb.append("| what | records/s | seconds |\n|---|---:|---:|\n");
        for (Result r : List.of(ours, yaz)) {
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f |%n", r.what(), r.rate(), r.seconds()));
        }
        sb.append(String.format(Locale.ROOT, "%nRatio Tongjie / yaz-marcdump: %.2f×%n", ours.rate() / yaz.rate()));
        return sb.toString();
    }
}
