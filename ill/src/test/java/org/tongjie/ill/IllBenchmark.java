package org.tongjie.ill;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tongjie bench ill}: durable transitions per second through {@link IllStore#apply} (one
 * transaction each: version check, state update, event insert, rota update), on SQLite (synchronous=NORMAL
 * and the hub's synchronous=FULL) and on PostgreSQL 17 (fsync and synchronous_commit on). Every request walks
 * the whole loan track (11 moves); threads each drive their own requests. Not part of the test suite: it
 * runs only with -Dtongjie.bench=ill, and writes its section of BENCHMARKS.md.
 */
@EnabledIfSystemProperty(named = "tongjie.bench", matches = "ill")
class IllBenchmark {
    private static final int REQUESTS_PER_THREAD = 150;
    private static final List<Action> WALK = StaffBurst.completion(Track.LOAN_AT_SERVICE_POINT);

    @TempDir
    Path dir;

    @Test
    void transitionsPerSecond() throws Exception {
        var rows = new ArrayList<String>();
        int[] threadCounts = {1, 4};
        for (int threads : threadCounts) {
            Path f = dir.resolve("normal-" + threads + ".db");
            rows.add(row("SQLite, WAL, synchronous=NORMAL", threads,
                    measure(() -> IllStore.openSqliteNormalSync(f, Clock.systemUTC()), threads)));
        }
        for (int threads : threadCounts) {
            Path f = dir.resolve("full-" + threads + ".db");
            rows.add(row("SQLite, WAL, synchronous=FULL (the hub's setting)", threads,
                    measure(() -> IllStore.openSqlite(f, Clock.systemUTC()), threads)));
        }
        try (var pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on").setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start()) {
            for (int threads : threadCounts) {
                String db = "bench_" + threads;
                try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + db);
                }
                var ds = pg.getDatabase("postgres", db);
                rows.add(row("PostgreSQL 17.6, fsync + synchronous_commit on", threads,
                        measure(() -> IllStore.openPostgres(ds, Clock.systemUTC()), threads)));
            }
        }
        String table = "Command: `./tongjie bench ill`\n\n" + REQUESTS_PER_THREAD + " requests per thread, each walked "
                + "through the " + WALK.size() + " moves of a loan to a pickup point (REQUESTED → COMPLETED), one "
                + "transaction per move; " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, local disk.\n\n| store | threads | transitions/s | ms per transition |\n|---|---:|---:|---:|\n"
                + String.join("\n", rows) + "\n";
        System.out.println(table);
        write(table);
    }

    private static String row(String store, int threads, double perSecond) {
        return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f |", store, threads, perSecond, 1000.0 * threads / perSecond);
    }

    /** Transitions per second with {@code threads} threads each walking its own requests. */
    private static double measure(Supplier<IllStore> open, int threads) throws Exception {
        try (IllStore store = open.get()) {
            var perThread = new ArrayList<List<IllRequest>>();
            for (int t = 0; t < threads; t++) {
                var mine = new ArrayList<IllRequest>();
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    mine.add(Walk.create(store, Track.LOAN_AT_SERVICE_POINT));
                }
                perThread.add(mine);
            }
            long start = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(threads)) {
                var done = new ArrayList<Future<Integer>>();
                for (var mine : perThread) {
                    done.add(pool.submit(() -> {
                        int moves = 0;
                        for (IllRequest r : mine) {
                            for (Action a : WALK) {
                                r = store.apply(r.id(), r.version(), Walk.sample(a), "bench", "");
                                moves++;
                            }
                        }
                        return moves;
                    }));
                }
                int moves = 0;
                for (var f : done) {
                    moves += f.get();
                }
                return moves / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** Replaces the ill-transitions section of BENCHMARKS.md (appending it the first time). */
    private static void write(String table) throws Exception {
        Path file = Path.of(System.getProperty("tongjie.repo.root", ".")).resolve("BENCHMARKS.md");
        String begin = "<!-- ill-transitions:begin -->";
        String end = "<!-- ill-transitions:end -->";
        String section = begin + "\n" + table + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b >= 0 && e > b) {
            text = text.substring(0, b) + section + text.substring(e + end.length());
        } else {
            text = text.stripTrailing() + "\n\n## ILL: durable transitions per second (issue 8)\n\n"
                    + "What one staff action costs end to end in the store: read the request, check the version and the "
                    + "transition table, update state and progress, append the event, commit. SQLite serialises writers "
                    + "(BEGIN IMMEDIATE), so more threads only queue; PostgreSQL takes row locks and commits in parallel.\n\n"
                    + section + "\n";
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
