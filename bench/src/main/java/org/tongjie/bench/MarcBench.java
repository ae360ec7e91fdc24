package org.tongjie.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tongjie.indexer.MarcRecords;

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
            byte[] content = Files.readAllBytes(input);
            var ways = List.of(new Way(1, true), new Way(2, true), new Way(2, false));
            for (Way way : ways) {
                ours(content, way);
            }
            var ourRuns = new ArrayList<List<Result>>();
            ways.forEach(w -> ourRuns.add(new ArrayList<>()));
            var yazRuns = new ArrayList<Result>();
            for (int i = 0; i < RUNS; i++) {
                for (int w = 0; w < ways.size(); w++) {
                    ourRuns.get(w).add(ours(content, ways.get(w)));
                }
                yazRuns.add(yaz(input, ourRuns.getFirst().getLast().records()));
            }
            var ours = ourRuns.stream().map(MarcBench::median).toList();
            return table(file, copies, bytes, ours, median(yazRuns));
        } finally {
            Files.deleteIfExists(input);
        }
    }

    /** How our side reads: on how many threads, and whether each record is also normalised. */
    record Way(int threads, boolean normalise) {
        String what() {
            return "Tongjie: parse" + (normalise ? " + normalise" : " only") + " (" + threads + (threads == 1 ? " thread)" : " threads)");
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

    /**
     * Read, decide the character set, parse with marc4j, identify and (if asked) map. With two threads the
     * bytes are cut in two at a record terminator and each thread reads its half, as two uploads would be.
     */
    private static Result ours(byte[] content, Way way) throws InterruptedException {
        var parts = split(content, way.threads());
        long[] counts = new long[parts.size()];
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int t = 0; t < parts.size(); t++) {
            int part = t;
            threads.add(Thread.ofPlatform().start(() -> counts[part] = read(content, parts.get(part), way.normalise())));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(way.what(), java.util.Arrays.stream(counts).sum(), seconds);
    }

    private static long read(byte[] content, int[] range, boolean normalise) {
        long records = 0;
        try (var read = MarcRecords.read(new java.io.ByteArrayInputStream(content, range[0], range[1] - range[0]))) {
            return read.filter(r -> !normalise || MarcRecords.describe("bench", r).isPresent()).count();
        }
    }

    /** {from, to} ranges of about equal size, each ending just after a record terminator. */
    private static List<int[]> split(byte[] content, int parts) {
        var ranges = new ArrayList<int[]>();
        int from = 0;
        for (int p = 1; p <= parts; p++) {
            int to = p == parts ? content.length : (int) ((long) content.length * p / parts);
            while (to < content.length && content[to - 1] != 0x1D) {
                to++;
            }
            ranges.add(new int[] {from, to});
            from = to;
        }
        return ranges;
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

    private static String table(Path file, int copies, long bytes, List<Result> ours, Result yaz) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Input: %s repeated %d times (%,d records, %.1f MB); median of %d runs; %s, %d cores, "
                        + "%s.%n%n", file.getFileName(), copies, ours.getFirst().records(), bytes / 1e6, RUNS,
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), ProcStatus.loadNote()));
        sb.append("| what | records/s | seconds | ratio to yaz-marcdump |\n|---|---:|---:|---:|\n");
        for (Result r : ours) {
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f× |%n", r.what(), r.rate(), r.seconds(), r.rate() / yaz.rate()));
        }
        sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | 1.00× |%n", yaz.what(), yaz.rate(), yaz.seconds()));
        return sb.toString();
    }
}
