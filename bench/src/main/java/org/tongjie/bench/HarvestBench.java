package org.tongjie.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.Z3950Harvest;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestReport;
import org.tongjie.z3950.Query;
import org.tongjie.z3950.ZoomConnection;
import org.tongjie.z3950.ZoomResultSet;
import org.tongjie.z3950.ZoomTarget;

/**
 * Harvest throughput from a local provider: zebrasrv serving the shared MARC21 pool over Z39.50. First
 * the provider's own serving rate (search the harvest query and present every record in pages of 100, as
 * the harvester does, storing nothing), then a first harvest into an empty catalogue (stage, apply,
 * index) and a second one where every record comes back unchanged. Median of the rounds.
 */
final class HarvestBench {
    static final int DEFAULT_ROUNDS = 3;

    private HarvestBench() {}

    static String run(int rounds) throws Exception {
        Path file = Files.isRegularFile(Z3950Bench.DEFAULT_FILE) ? Z3950Bench.DEFAULT_FILE : Z3950Bench.FALLBACK_FILE;
        Path work = Files.createTempDirectory("tongjie-bench-harvest");
        Process zebra = null;
        try {
            Path zebraDir = Files.createDirectories(work.resolve("zebra"));
            Z3950Bench.buildZebra(zebraDir, file);
            int port = Z3950Bench.freePort();
            zebra = Z3950Bench.startZebra(zebraDir, port);
            var source = new MemberSource.Z3950(ZoomTarget.of("127.0.0.1", port, "Default")
                    .withTimeout(Duration.ofSeconds(60)), Optional.empty());

            List<Double> serve = new ArrayList<>();
            List<Double> first = new ArrayList<>();
            List<Double> again = new ArrayList<>();
            long records = 0;
            IngestReport firstReport = null;
            IngestReport againReport = null;
            for (int round = 0; round < rounds + 1; round++) {
                long t0 = System.nanoTime();
                records = presentAll(source);
                double serveSeconds = seconds(t0);
                Path data = work.resolve("catalog-" + round);
                try (var catalog = Catalog.open(data, Clock.systemUTC())) {
                    catalog.libraries().save(new Library("bench", "测试馆", "Bench member", LibraryKind.BRANCH,
                            Optional.empty(), "", Optional.empty()));
                    var log = HarvestLog.open(data, Clock.systemUTC());
                    long t1 = System.nanoTime();
                    firstReport = Z3950Harvest.run(catalog, log, "bench", source, Clock.systemUTC());
                    double firstSeconds = seconds(t1);
                    long t2 = System.nanoTime();
                    againReport = Z3950Harvest.run(catalog, log, "bench", source, Clock.systemUTC());
                    double againSeconds = seconds(t2);
                    if (round > 0) { // the first round warms up the JIT
                        serve.add(serveSeconds);
                        first.add(firstSeconds);
                        again.add(againSeconds);
                    }
                }
            }
            return table(file, records, rounds, median(serve), median(first), median(again), firstReport, againReport);
        } finally {
            Z3950Bench.stop(zebra);
            Z3950Bench.deleteRecursively(work);
        }
    }

    /** What the provider serves: the harvest query's result set, presented whole in the harvester's pages. */
    private static long presentAll(MemberSource.Z3950 source) {
        try (var connection = ZoomConnection.open(source.target());
             ZoomResultSet results = connection.search(new Query.Pqf(source.harvestQuery()))) {
            long n = 0;
            while (n < results.size()) {
                n += results.records(n, 100).size();
            }
            return n;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String table(Path file, long records, int rounds, double serve, double first, double again,
            IngestReport firstReport, IngestReport againReport) {
        return String.format("""
                Input: %s served by zebrasrv on 127.0.0.1 (%,d records); median of %d rounds after one warm-up; %s, %d cores.

                | what | records/s | seconds |
                |---|---:|---:|
                | zebrasrv serving: search + present all, pages of 100, nothing stored | %,.0f | %.2f |
                | Tongjie first harvest: present, stage, apply, index (%d added, %d quarantined) | %,.0f | %.2f |
                | Tongjie next harvest: every record unchanged (%d unchanged, %d deleted) | %,.0f | %.2f |

                Ratio first harvest / provider: %.2f×
                """, file.getFileName(), records, rounds, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                records / serve, serve, firstReport.accepted(), firstReport.quarantined(), records / first, first,
                againReport.unchanged(), againReport.deleted(), records / again, again, serve / first);
    }
}
