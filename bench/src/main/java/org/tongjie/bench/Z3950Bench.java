package org.tongjie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.marc4j.marc.Record;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestReport;
import org.tongjie.indexer.MarcRecords;
import org.tongjie.z3950.Query;
import org.tongjie.z3950.Yaz;
import org.tongjie.z3950.ZoomConnection;
import org.tongjie.z3950.ZoomResultSet;
import org.tongjie.z3950.ZoomTarget;
import org.tongjie.app.z3950.HubZ3950Server;

/**
 * The hub's Z39.50 server against {@code zebrasrv} on the same MARC21 file and the same PQF queries, both
 * on 127.0.0.1 in the same run: {@code ./tongjie bench z3950 [--rounds N]}. One operation is a search
 * plus a Present of the first 10 records as USMARC, over one ZOOM connection per client thread; measured
 * at 1 and 4 concurrent clients after warm-up rounds.
 */
final class Z3950Bench {
    static final Path DEFAULT_FILE = Path.of("../shared/data/pool/pool-marc21-utf8.mrc");
    static final Path FALLBACK_FILE = Path.of("/usr/share/doc/idzebra-2.0/examples/marc21/sample-marc.gz");
    private static final Path ZEBRA_CFG = Path.of("/work/shared/peers/zebra-marc21/zebra.cfg");
    private static final Path ZEBRA_CFG_RELATIVE = Path.of("../shared/peers/zebra-marc21/zebra.cfg");
    private static final Path MARC21_ABS = Path.of("/usr/share/idzebra-2.0/tab/marc21.abs");
    private static final int[] CLIENTS = {1, 4};
    static final int DEFAULT_ROUNDS = 5;
    private static final int WARM_UP_ROUNDS = 2;
    private static final int PRESENT = 10;
    private static final int PER_KIND = 40;
    private static final long SEED = 20261123L;
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final long CORPUS_SAMPLE = 50_000;

    /** Query kinds, in the order the tables list them. */
    private static final List<String> KINDS = List.of("title", "author", "isbn", "any", "and");

    private Z3950Bench() {}

    record BenchQuery(String kind, String pqf) {}

    record Measured(String server, int clients, long operations, double seconds, long[] sortedNanos,
                    double meanSearchMs, Map<String, double[]> perKind, long errors, String firstError) {
        double rate() {
            return operations / seconds;
        }

        double meanMs() {
            return Arrays.stream(sortedNanos).average().orElse(Double.NaN) / 1e6;
        }

        double percentileMs(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }
    }

    static String run(int rounds) throws Exception {
        if (Yaz.version().isEmpty()) {
            throw new IllegalStateException("libyaz5 is not installed (apt-get install libyaz5)");
        }
        for (String binary : List.of("/usr/bin/zebrasrv", "/usr/bin/zebraidx")) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: apt-get install idzebra-2.0");
            }
        }
        Path work = Files.createTempDirectory("tongjie-z3950-bench");
        Catalog catalog = null;
        HubZ3950Server ours = null;
        Process zebra = null;
        try {
            Path source = Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : FALLBACK_FILE;
            Path records = Files.createDirectories(work.resolve("records"));
            Path file = records.resolve("records.mrc");
            try (InputStream in = open(source)) {
                Files.copy(in, file);
            }
            List<BenchQuery> queries = queries(file);

            // Ours: a catalogue with one member holding the file, and the hub's Z39.50 server over it.
            Path data = Files.createDirectories(work.resolve("data"));
            long started = System.nanoTime();
            catalog = Catalog.open(data, Clock.systemUTC());
            catalog.libraries().save(new Library("bench", "基准馆", "bench library", LibraryKind.CENTRAL, Optional.empty(), "",
                    Optional.empty()));
            IngestReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = catalog.ingest().file("bench", in, file.getFileName().toString());
            }
            String loaded = String.format(Locale.ROOT, "the hub stored %,d (%,d more updated a record with the same id, %,d quarantined)",
                    report.accepted(), report.updated() + report.unchanged(), report.quarantined());
            double ourLoad = (System.nanoTime() - started) / 1e9;
            int ourPort = freePort();
            switch (HubZ3950Server.start(catalog, work.resolve("z3950.log"), "127.0.0.1", ourPort)) {
                case HubZ3950Server.Outcome.Running running -> ours = running.server();
                case HubZ3950Server.Outcome.Off off -> throw new IllegalStateException("our Z39.50 server is off: " + off.reason());
            }

            // Zebra: a register from the shared MARC21 configuration, ISBN indexed as the tests do.
            Path zebraDir = Files.createDirectories(work.resolve("zebra"));
            started = System.nanoTime();
            buildZebra(zebraDir, records);
            double zebraLoad = (System.nanoTime() - started) / 1e9;
            int zebraPort = freePort();
            zebra = startZebra(zebraDir, zebraPort);

            var compared = compare(queries, ourPort, zebraPort, rounds);
            String input = String.format(Locale.ROOT, "Input: %s, %,d records (%s, in %.1f s; zebraidx indexed the file in %.1f s)",
                    source.getFileName(), countRecords(file), loaded, ourLoad, zebraLoad);
            return table(input, queries, rounds, compared.hits(), compared.results());
        } finally {
            if (ours != null) {
                ours.close();
            }
            stop(zebra);
            if (catalog != null) {
                catalog.close();
            }
            deleteRecursively(work);
        }
    }

    /** Hit counts and measured rates of both servers, at each number of clients. */
    record Compared(Map<String, Map<String, long[]>> hits, List<Measured> results) {}

    private static Compared compare(List<BenchQuery> queries, int ourPort, int zebraPort, int rounds) throws Exception {
        Map<String, ZoomTarget> targets = new LinkedHashMap<>();
        targets.put("Tongjie", target(ourPort));
        targets.put("zebrasrv", target(zebraPort));
        Map<String, Map<String, long[]>> hits = new LinkedHashMap<>();
        for (var entry : targets.entrySet()) {
            hits.put(entry.getKey(), hitCounts(entry.getValue(), queries));
        }
        var results = new ArrayList<Measured>();
        for (int clients : CLIENTS) {
            for (var entry : targets.entrySet()) {
                measure(entry.getKey(), entry.getValue(), queries, clients, WARM_UP_ROUNDS);
                Measured m = measure(entry.getKey(), entry.getValue(), queries, clients, rounds);
                System.err.printf(Locale.ROOT, "  %-8s %d client(s): %,.0f ops/s, p50 %.2f ms, p99 %.2f ms%n",
                        m.server(), clients, m.rate(), m.percentileMs(50), m.percentileMs(99));
                results.add(m);
            }
        }
        return new Compared(hits, results);
    }

    /**
     * The same comparison on the regional corpus as {@code bench ingest} left it: our server over the
     * ingested hub ({@code hub/}), zebrasrv over the register zebraidx built from {@code combined.mrc}.
     */
    static String runOnCorpus(Path corpus, int rounds) throws Exception {
        Path hub = IngestBench.hub(corpus);
        Path zebraDir = IngestBench.zebra(corpus);
        if (!Files.isDirectory(hub.resolve("index")) || !Files.isDirectory(zebraDir.resolve("register"))) {
            throw new IllegalStateException("no ingested hub or Zebra register in " + corpus + ": run ./tongjie bench ingest first");
        }
        var manifest = Corpus.readManifest(corpus);
        List<BenchQuery> queries = queries(corpus.resolve(Corpus.COMBINED), CORPUS_SAMPLE);
        Catalog catalog = null;
        HubZ3950Server ours = null;
        Process zebra = null;
        try {
            catalog = Catalog.open(hub, Clock.systemUTC());
            int ourPort = freePort();
            switch (HubZ3950Server.start(catalog, hub.resolve("z3950.log"), "127.0.0.1", ourPort)) {
                case HubZ3950Server.Outcome.Running running -> ours = running.server();
                case HubZ3950Server.Outcome.Off off -> throw new IllegalStateException("our Z39.50 server is off: " + off.reason());
            }
            int zebraPort = freePort();
            zebra = startZebra(zebraDir, zebraPort);
            var compared = compare(queries, ourPort, zebraPort, rounds);
            String input = String.format(Locale.ROOT, "Input: the regional corpus, %,d records of %d members (seed %d): the hub as"
                            + " `bench ingest` left it (%,d union records expected), Zebra's register of combined.mrc (every record once);"
                            + " query terms from the first %,d records; %s",
                    manifest.records(), manifest.members().size(), manifest.seed(), manifest.expectedUnionRecords(), CORPUS_SAMPLE,
                    ProcStatus.loadNote());
            return table(input, queries, rounds, compared.hits(), compared.results());
        } finally {
            if (ours != null) {
                ours.close();
            }
            stop(zebra);
            if (catalog != null) {
                catalog.close();
            }
        }
    }

    private static long countRecords(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); var records = MarcRecords.read(in)) {
            return records.mapToLong(MarcRecords.Read::position).max().orElse(0);
        }
    }

    private static InputStream open(Path source) throws IOException {
        InputStream in = Files.newInputStream(source);
        return source.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static ZoomTarget target(int port) {
        return ZoomTarget.of("127.0.0.1", port, "Default").withTimeout(Duration.ofSeconds(30));
    }

    // ---- the queries ---------------------------------------------------------------------------------

    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");
    private static final Pattern ISBN = Pattern.compile("^\\s*((?:97[89])?[0-9]{9}[0-9Xx])\\b");
    private static final List<String> STOP = List.of("the", "and", "with", "from", "for", "les", "der", "die", "das");

    /**
     * Terms taken from the file itself: the first word of a 245$a (title), the first word of a 100$a
     * (author surname), a 020$a ISBN, the first word of a 650$a (any), and a record's title word AND its
     * author surname. ASCII letters only, four or more, so both servers see the same term whatever their
     * character handling. {@value #PER_KIND} of each kind, picked and shuffled with a fixed seed.
     */
    static List<BenchQuery> queries(Path file) throws IOException {
        return queries(file, Long.MAX_VALUE);
    }

    /** As {@link #queries(Path)}, from the first {@code limit} records of the file. */
    static List<BenchQuery> queries(Path file, long limit) throws IOException {
        Map<String, LinkedHashSet<String>> candidates = new LinkedHashMap<>();
        KINDS.forEach(kind -> candidates.put(kind, new LinkedHashSet<>()));
        try (InputStream in = Files.newInputStream(file); var records = MarcRecords.read(in)) {
            records.takeWhile(parsed -> parsed.position() <= limit).forEach(parsed -> {
                Record record = parsed.record();
                Optional<String> title = firstWord(subfield(record, "245", 'a'));
                Optional<String> author = firstWord(subfield(record, "100", 'a'));
                title.ifPresent(w -> candidates.get("title").add("@attr 1=4 " + w));
                author.ifPresent(w -> candidates.get("author").add("@attr 1=1003 " + w));
                subfield(record, "020", 'a').map(ISBN::matcher).filter(Matcher::find)
                        .ifPresent(m -> candidates.get("isbn").add("@attr 1=7 " + m.group(1)));
                firstWord(subfield(record, "650", 'a')).ifPresent(w -> candidates.get("any").add("@attr 1=1016 " + w));
                if (title.isPresent() && author.isPresent()) {
                    candidates.get("and").add("@and @attr 1=4 " + title.get() + " @attr 1=1003 " + author.get());
                }
            });
        }
        var random = new Random(SEED);
        var queries = new ArrayList<BenchQuery>();
        for (String kind : KINDS) {
            var pool = new ArrayList<>(candidates.get(kind));
            if (pool.isEmpty()) {
                throw new IllegalStateException("the file has no terms for " + kind + " queries");
            }
            Collections.shuffle(pool, random);
            pool.stream().limit(PER_KIND).forEach(pqf -> queries.add(new BenchQuery(kind, pqf)));
        }
        Collections.shuffle(queries, random);
        return List.copyOf(queries);
    }

    private static Optional<String> subfield(Record record, String tag, char code) {
        return record.getDataFields().stream().filter(f -> f.getTag().equals(tag)).findFirst()
                .map(f -> f.getSubfield(code)).map(s -> s.getData());
    }

    private static Optional<String> firstWord(Optional<String> text) {
        return text.flatMap(t -> {
            for (String token : t.split("[\\s\\p{Punct}]+")) {
                if (WORD.matcher(token).matches() && !STOP.contains(token.toLowerCase(Locale.ROOT))) {
                    return Optional.of(token.toLowerCase(Locale.ROOT));
                }
            }
            return Optional.empty();
        });
    }

    // ---- the measurement -----------------------------------------------------------------------------

    /** Each query once, one client: the hit counts, to show how far the two servers' indexes agree. */
    private static Map<String, long[]> hitCounts(ZoomTarget target, List<BenchQuery> queries) {
        Map<String, long[]> byPqf = new LinkedHashMap<>();
        try (var connection = ZoomConnection.open(target)) {
            for (BenchQuery query : queries) {
                try (ZoomResultSet rs = connection.search(new Query.Pqf(query.pqf()))) {
                    byPqf.put(query.pqf(), new long[] {rs.size()});
                }
            }
        }
        return byPqf;
    }

    /**
     * {@code clients} threads, each with its own connection, each running the whole query list
     * {@code rounds} times from its own starting point, so the clients do not ask the same thing at once.
     */
    private static Measured measure(String server, ZoomTarget target, List<BenchQuery> queries, int clients, int rounds)
            throws Exception {
        record ClientResult(long[] nanos, long searchNanos, String[] kinds, long errors, String firstError) {}
        int perClient = queries.size() * rounds;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            var connections = new ArrayList<ZoomConnection>();
            try {
                for (int c = 0; c < clients; c++) {
                    connections.add(ZoomConnection.open(target));
                }
                var futures = new ArrayList<Future<ClientResult>>();
                long start = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    ZoomConnection connection = connections.get(c);
                    int offset = c * queries.size() / clients;
                    futures.add(pool.submit(() -> {
                        long[] nanos = new long[perClient];
                        String[] kinds = new String[perClient];
                        long errors = 0;
                        long searchNanos = 0;
                        String firstError = null;
                        for (int i = 0; i < perClient; i++) {
                            BenchQuery query = queries.get((offset + i) % queries.size());
                            long t0 = System.nanoTime();
                            try (ZoomResultSet rs = connection.search(new Query.Pqf(query.pqf()))) {
                                searchNanos += System.nanoTime() - t0;
                                int fetched = rs.records(0, PRESENT).size();
                                if (fetched != Math.min(PRESENT, rs.size())) {
                                    throw new IllegalStateException("presented " + fetched + " of " + rs.size());
                                }
                            } catch (RuntimeException e) {
                                errors++;
                                if (firstError == null) {
                                    firstError = query.pqf() + ": " + e.getMessage();
                                }
                            }
                            nanos[i] = System.nanoTime() - t0;
                            kinds[i] = query.kind();
                        }
                        return new ClientResult(nanos, searchNanos, kinds, errors, firstError);
                    }));
                }
                var all = new ArrayList<ClientResult>();
                for (var future : futures) {
                    all.add(future.get());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long[] nanos = all.stream().flatMapToLong(r -> Arrays.stream(r.nanos())).sorted().toArray();
                Map<String, double[]> perKind = new LinkedHashMap<>(); // kind -> {count, total ns}
                KINDS.forEach(kind -> perKind.put(kind, new double[2]));
                for (ClientResult r : all) {
                    for (int i = 0; i < r.nanos().length; i++) {
                        double[] sum = perKind.get(r.kinds()[i]);
                        sum[0]++;
                        sum[1] += r.nanos()[i];
                    }
                }
                long errors = all.stream().mapToLong(ClientResult::errors).sum();
                String firstError = all.stream().map(ClientResult::firstError).filter(e -> e != null).findFirst().orElse(null);
                double searchMs = all.stream().mapToLong(ClientResult::searchNanos).sum() / 1e6 / nanos.length;
                return new Measured(server, clients, nanos.length, seconds, nanos, searchMs, perKind, errors, firstError);
            } finally {
                connections.forEach(ZoomConnection::close);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    // ---- Zebra ---------------------------------------------------------------------------------------

    /** As the tests build one (ZebraRegister): the shared config, a local marc21.abs that indexes 020$a. */
    static void buildZebra(Path dir, Path records) throws IOException, InterruptedException {
        prepareZebra(dir);
        zebraidx(dir, "init");
        zebraidx(dir, "update", records.toAbsolutePath().toString());
        zebraidx(dir, "commit"); // shadow registers: only a commit makes the update searchable
    }

    /** A register folder with the shared config and a local marc21.abs that indexes 020$a as ISBN words. */
    static void prepareZebra(Path dir) throws IOException {
        Path config = Files.isRegularFile(ZEBRA_CFG) ? ZEBRA_CFG : ZEBRA_CFG_RELATIVE;
        Files.createDirectories(dir);
        Files.copy(config, dir.resolve("zebra.cfg"));
        for (String sub : List.of("register", "shadow", "lock", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        // The config's profilePath searches "." first, so this copy wins over Debian's.
        Files.writeString(dir.resolve("marc21.abs"), Files.readString(MARC21_ABS) + "\nmelm 020$a\t\tISBN:w\n");
    }

    private static void zebraidx(Path dir, String... arguments) throws IOException, InterruptedException {
        Process process = startZebraidx(dir, arguments);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw zebraidxFailed(dir, arguments);
            }
        } finally {
            stop(process);
        }
    }

    /** zebraidx with these arguments in the register folder, its output in {@code zebraidx-<first argument>.log}. */
    static Process startZebraidx(Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/zebraidx", "-c", "zebra.cfg"));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(zebraidxLog(dir, arguments).toFile()).start();
    }

    static IllegalStateException zebraidxFailed(Path dir, String... arguments) throws IOException {
        return new IllegalStateException("zebraidx " + String.join(" ", arguments) + " failed:\n"
                + Files.readString(zebraidxLog(dir, arguments)));
    }

    private static Path zebraidxLog(Path dir, String... arguments) {
        return dir.resolve("zebraidx-" + arguments[0] + ".log");
    }

    static Process startZebra(Path dir, int port) throws IOException, InterruptedException {
        Path log = dir.resolve("zebrasrv.log");
        Process process = new ProcessBuilder("/usr/bin/zebrasrv", "-c", "zebra.cfg", "tcp:127.0.0.1:" + port)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("zebrasrv exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return process;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        stop(process);
        throw new IllegalStateException("zebrasrv did not listen on port " + port + " within " + STARTUP);
    }

    /** Ends a process we started and whatever it forked (zebrasrv forks one child per connection). */
    static void stop(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    // ---- the table -----------------------------------------------------------------------------------

    private static String table(String input, List<BenchQuery> queries, int rounds, Map<String, Map<String, long[]>> hits,
            List<Measured> results) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "%s. %d PQF queries, %d of each kind (%s). An operation is a search + Present of the first %d records as USMARC;"
                        + " each client runs every query %d times, after %d warm-up rounds. %s, %d cores.%n%n",
                input, queries.size(), PER_KIND, String.join(", ", KINDS), PRESENT, rounds, WARM_UP_ROUNDS, LocalDate.now(),
                Runtime.getRuntime().availableProcessors()));
        sb.append("| clients | server | operations | ops/s | p50 ms | p99 ms | mean ms: search + present | errors |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (Measured m : results) {
            sb.append(String.format(Locale.ROOT, "| %d | %s | %,d | %,.0f | %.2f | %.2f | %.2f + %.2f | %d |%n", m.clients(),
                    m.server(), m.operations(), m.rate(), m.percentileMs(50), m.percentileMs(99), m.meanSearchMs(),
                    m.meanMs() - m.meanSearchMs(), m.errors()));
        }
        sb.append("\n| clients | ops/s Tongjie / zebrasrv | p99 Tongjie / zebrasrv |\n|---:|---:|---:|\n");
        for (int clients : CLIENTS) {
            Measured ours = find(results, "Tongjie", clients);
            Measured zebra = find(results, "zebrasrv", clients);
            sb.append(String.format(Locale.ROOT, "| %d | %.2f× | %.2f× |%n", clients, ours.rate() / zebra.rate(),
                    ours.percentileMs(99) / zebra.percentileMs(99)));
        }
        sb.append("\nBy query kind, 1 client (mean ms per operation; mean hits; queries where both servers count the same hits):\n\n");
        sb.append("| kind | Tongjie ms | zebrasrv ms | Tongjie hits | zebrasrv hits | same count |\n|---|---:|---:|---:|---:|---:|\n");
        Measured ours1 = find(results, "Tongjie", 1);
        Measured zebra1 = find(results, "zebrasrv", 1);
        for (String kind : KINDS) {
            var ofKind = queries.stream().filter(q -> q.kind().equals(kind)).toList();
            double ourHits = ofKind.stream().mapToLong(q -> hits.get("Tongjie").get(q.pqf())[0]).average().orElse(0);
            double zebraHits = ofKind.stream().mapToLong(q -> hits.get("zebrasrv").get(q.pqf())[0]).average().orElse(0);
            long same = ofKind.stream().filter(q -> hits.get("Tongjie").get(q.pqf())[0] == hits.get("zebrasrv").get(q.pqf())[0]).count();
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.1f | %.1f | %d/%d |%n", kind, mean(ours1, kind),
                    mean(zebra1, kind), ourHits, zebraHits, same, ofKind.size()));
        }
        results.stream().filter(m -> m.firstError() != null).forEach(m -> sb.append(String.format(Locale.ROOT,
                "%nFirst error, %s with %d client(s): %s%n", m.server(), m.clients(), m.firstError())));
        return sb.toString();
    }

    private static double mean(Measured m, String kind) {
        double[] sum = m.perKind().get(kind);
        return sum[0] == 0 ? Double.NaN : sum[1] / sum[0] / 1e6;
    }

    private static Measured find(List<Measured> results, String server, int clients) {
        return results.stream().filter(m -> m.server().equals(server) && m.clients() == clients).findFirst().orElseThrow();
    }
}
