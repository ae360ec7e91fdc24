package org.tongjie.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tongjie.api.Hub;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.indexer.Catalog;

/**
 * The hub's HTTP search over the 1M-record hub the ingest bench leaves beside its corpus ({@code target/bench-corpus/hub}), at 1, 8
 * and 32 concurrent clients: {@code ./tongjie bench search}. Clients and hub share the machine's cores.
 * Each level sends its own slice of the fixed query mix ({@link SearchQueries}), so no query repeats
 * within a run and the result cache does not answer for the index.
 */
final class SearchBench {
    private static final int[] CLIENTS = {1, 8, 32};
    /** Requests at 1 and 8 clients, as parts of those at 32 (the {@code --requests} option). */
    private static final int[] SHARE = {8, 2, 1};
    static final int DEFAULT_REQUESTS = 8_000;

    record Level(int clients, int requests, double seconds, long[] sortedNanos, long errors, Map<String, long[]> byKind) {
        double rate() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            return percentile(sortedNanos, p);
        }
    }

    private SearchBench() {}

    static String run(Path hub, Path corpus, int requests) throws Exception {
        int[] perLevel = Arrays.stream(SHARE).map(share -> Math.max(1, requests / share)).toArray();
        int warmUp = perLevel[0];
        if (!Files.isDirectory(hub.resolve("index"))) {
            throw new IllegalStateException("no hub in " + hub + ": run ./tongjie bench ingest first");
        }
        var manifest = Corpus.readManifest(corpus);
        List<String> members = manifest.members().stream().map(Corpus.MemberCount::id).toList();
        int total = warmUp + Arrays.stream(perLevel).sum();
        List<SearchQueries.Query> queries = SearchQueries.from(corpus.resolve(Corpus.COMBINED), total, members);
        try (Catalog catalog = Catalog.open(hub, Clock.systemUTC())) {
            Javalin app = Hub.create(catalog, HarvestLog.open(hub, Clock.systemUTC())).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                measure(http, base, queries.subList(0, warmUp), 8);
                var levels = new ArrayList<Level>();
                int from = warmUp;
                for (int i = 0; i < CLIENTS.length; i++) {
                    Level level = measure(http, base, queries.subList(from, from + perLevel[i]), CLIENTS[i]);
                    from += perLevel[i];
                    System.err.printf(Locale.ROOT, "  %d client(s): %,.0f req/s, p50 %.1f ms, p99 %.1f ms%n", level.clients(),
                            level.rate(), level.percentileMs(50), level.percentileMs(99));
                    levels.add(level);
                }
                return table(manifest, levels, warmUp);
            } finally {
                app.stop();
            }
        }
    }

    private static Level measure(HttpClient http, String base, List<SearchQueries.Query> slice, int clients) throws Exception {
        long[] nanos = new long[slice.size()];
        var next = new AtomicInteger();
        var errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            var futures = new ArrayList<Future<?>>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < slice.size(); ) {
                        var request = HttpRequest.newBuilder(URI.create(base + slice.get(i).path())).timeout(Duration.ofSeconds(30)).build();
                        long t0 = System.nanoTime();
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        SearchQueries.MIX.keySet().forEach(k -> byKind.put(k, new ArrayList<>()));
        for (int i = 0; i < slice.size(); i++) {
            byKind.get(slice.get(i).kind()).add(nanos[i]);
        }
        Map<String, long[]> sortedByKind = new LinkedHashMap<>();
        byKind.forEach((k, v) -> sortedByKind.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
        return new Level(clients, slice.size(), seconds, Arrays.stream(nanos).sorted().toArray(), errors.get(), sortedByKind);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static String table(Corpus.Manifest manifest, List<Level> levels, int warmUp) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Hub: %,d records of %d members (seed %d), %,d union records expected. Query mix: %s; "
                        + "every request a distinct query, first page of 20 with facet counts, after %,d warm-up requests. "
                        + "%s, %d cores, clients on the same cores, %s.%n%n",
                manifest.records(), manifest.members().size(), manifest.seed(), manifest.expectedUnionRecords(),
                String.join(", ", SearchQueries.MIX.entrySet().stream().map(e -> e.getKey() + " " + Math.round(e.getValue() * 100) + "%").toList()),
                warmUp, LocalDate.now(), Runtime.getRuntime().availableProcessors(), ProcStatus.loadNote()));
        sb.append("| clients | requests | requests/s | p50 ms | p95 ms | p99 ms | errors |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Level l : levels) {
            sb.append(String.format(Locale.ROOT, "| %d | %,d | %,.0f | %.1f | %.1f | %.1f | %d |%n", l.clients(), l.requests(), l.rate(),
                    l.percentileMs(50), l.percentileMs(95), l.percentileMs(99), l.errors()));
        }
        sb.append("\nBy kind, 1 client (p50 / p99 ms):\n\n| kind | requests | p50 ms | p99 ms |\n|---|---:|---:|---:|\n");
        levels.getFirst().byKind().forEach((kind, sorted) -> sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f |%n",
                kind, sorted.length, percentile(sorted, 50), percentile(sorted, 99))));
        return sb.toString();
    }
}
