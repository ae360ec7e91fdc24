package org.tongjie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmarks, kept out of the test suite: {@code ./tongjie bench marc [FILE] [--copies N]} and
 * {@code ./tongjie bench z3950 [--rounds N]} and {@code ./tongjie bench harvest [--rounds N]}. Each prints a
 * table and writes it into its section of BENCHMARKS.md.
 */
public final class Bench {
    /** The benchmarks this class runs; the launcher runs ill and jmh itself (they need test class paths). */
    private static final List<String> BENCHMARKS = List.of("marc", "z3950", "harvest", "corpus", "ingest", "search");
    private static final String USAGE = "usage: tongjie bench marc [FILE] [--copies N]"
            + "\n       tongjie bench z3950 [--rounds N] [--corpus DIR]"
            + "\n       tongjie bench harvest [--rounds N]"
            + "\n       tongjie bench corpus [--records N] [--members M] [--seed S] [--out DIR]"
            + "\n       tongjie bench ingest [--corpus DIR] [--gc parallel,g1] [--load bulk,uploads]"
            + "\n       tongjie bench search [--corpus DIR] [--requests N]"
            + "\n       tongjie bench ill                 durable ILL transitions/s on SQLite and PostgreSQL"
            + "\n       tongjie bench jmh [JMH ARGS]      JMH microbenchmarks: reader, normaliser, match keys, analyzers";

    private Bench() {}

    public static void main(String[] args) throws Exception {
        var argList = List.of(args);
        String which = argList.isEmpty() ? "" : argList.getFirst();
        if (!BENCHMARKS.contains(which)) {
            boolean help = which.equals("--help") || which.equals("-h");
            (help ? System.out : System.err).println(USAGE);
            System.exit(help ? 0 : 2);
        }
        System.out.println("Bench starting; " + ProcStatus.loadNote());
        try {
            run(which, argList);
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String which, List<String> argList) throws Exception {
        switch (which) {
            case "marc" -> marc(argList);
            case "z3950" -> z3950(argList);
            case "harvest" -> harvest(argList);
            case "corpus" -> corpus(argList);
            case "ingest" -> ingest(argList);
            case "search" -> search(argList);
            default -> throw new IllegalStateException("checked in main: " + which);
        }
    }

    private static void marc(List<String> argList) throws Exception {
        Path file = MarcBench.DEFAULT_FILE;
        int copies = 20;
        for (int i = 1; i < argList.size(); i++) {
            if (argList.get(i).equals("--copies")) {
                copies = Integer.parseInt(argList.get(++i));
            } else {
                file = Path.of(argList.get(i));
            }
        }
        String table = MarcBench.run(file, copies);
        System.out.println(table);
        record(Path.of("BENCHMARKS.md"), "marc-parse", "./tongjie bench marc", table);
    }

    private static void z3950(List<String> argList) throws Exception {
        var options = Options.parse(argList, "tongjie bench z3950 [--rounds N] [--corpus DIR]", List.of("--rounds", "--corpus"));
        int rounds = (int) options.number("--rounds", Z3950Bench.DEFAULT_ROUNDS);
        if (rounds < 1) {
            throw new Options.UsageException("--rounds must be at least 1");
        }
        boolean corpus = options.values().containsKey("--corpus");
        String table = corpus ? Z3950Bench.runOnCorpus(Path.of(options.text("--corpus", "")), rounds) : Z3950Bench.run(rounds);
        System.out.println(table);
        record(Path.of("BENCHMARKS.md"), corpus ? "z3950-corpus" : "z3950", ("./tongjie bench z3950 " + options.given()).strip(), table);
    }

    private static void harvest(List<String> argList) throws Exception {
        int rounds = HarvestBench.DEFAULT_ROUNDS;
        for (int i = 1; i < argList.size(); i++) {
            if (argList.get(i).equals("--rounds") && i + 1 < argList.size()) {
                rounds = Integer.parseInt(argList.get(++i));
            } else {
                System.err.println("usage: tongjie bench harvest [--rounds N]");
                System.exit(2);
            }
        }
        String table = HarvestBench.run(Math.max(1, rounds));
        System.out.println(table);
        String command = "./tongjie bench harvest" + (rounds == HarvestBench.DEFAULT_ROUNDS ? "" : " --rounds " + rounds);
        record(Path.of("BENCHMARKS.md"), "harvest", command, table);
    }

    /** Where the real records are: {@code -Dtongjie.shared.data}, else {@code ../shared/data} beside the project. */
    static Path sharedData() {
        return Path.of(System.getProperty("tongjie.shared.data", "../shared/data"));
    }

    private static void corpus(List<String> argList) throws Exception {
        var options = Options.parse(argList, "tongjie bench corpus [--records N] [--members M] [--seed S] [--out DIR]",
                List.of("--records", "--members", "--seed", "--out"));
        var settings = new Corpus.Settings(options.number("--records", 1_000_000), (int) options.number("--members", 24),
                options.number("--seed", Corpus.DEFAULT_SEED), Path.of(options.text("--out", Corpus.DEFAULT_OUT.toString())));
        long started = System.nanoTime();
        var manifest = Corpus.generate(settings, CorpusTemplates.load(sharedData()));
        double seconds = (System.nanoTime() - started) / 1e9;
        var sizes = new java.util.LinkedHashMap<String, Long>();
        sizes.put(Corpus.COMBINED, Files.size(settings.out().resolve(Corpus.COMBINED)));
        long memberBytes = 0;
        for (var m : manifest.members()) {
            memberBytes += Files.size(Corpus.memberFile(settings.out(), m.id()));
        }
        sizes.put("members/*.mrc", memberBytes);
        String table = Corpus.table(settings, manifest, seconds, sizes);
        System.out.println(table);
        System.out.println("written to " + settings.out().toAbsolutePath());
        record(Path.of("BENCHMARKS.md"), "corpus", ("./tongjie bench corpus " + options.given()).strip(), table);
    }

    private static void ingest(List<String> argList) throws Exception {
        var options = Options.parse(argList, "tongjie bench ingest [--corpus DIR] [--gc parallel,g1] [--load bulk,uploads]",
                List.of("--corpus", "--gc", "--load"));
        var gcs = java.util.Arrays.stream(options.text("--gc", "parallel").split(",")).map(IngestBench.Gc::of).toList();
        var settings = java.util.Arrays.stream(options.text("--load", "bulk,uploads").split(",")).map(IngestRun.Load::of)
                .flatMap(load -> gcs.stream().map(gc -> new IngestBench.Setting(load, gc))).toList();
        Path corpus = Path.of(options.text("--corpus", Corpus.DEFAULT_OUT.toString()));
        String table = IngestBench.run(corpus, settings);
        System.out.println(table);
        // A smaller corpus (the GC comparison) gets a section of its own beside the 1M figures.
        String section = corpus.equals(Corpus.DEFAULT_OUT) ? "ingest" : "ingest-" + corpus.getFileName();
        record(Path.of("BENCHMARKS.md"), section, ("./tongjie bench ingest " + options.given()).strip(), table);
    }

    private static void search(List<String> argList) throws Exception {
        var options = Options.parse(argList, "tongjie bench search [--corpus DIR] [--requests N]", List.of("--corpus", "--requests"));
        Path corpus = Path.of(options.text("--corpus", Corpus.DEFAULT_OUT.toString()));
        String table = SearchBench.run(IngestBench.hub(corpus), corpus, (int) options.number("--requests", SearchBench.DEFAULT_REQUESTS));
        System.out.println(table);
        record(Path.of("BENCHMARKS.md"), "search", ("./tongjie bench search " + options.given()).strip(), table);
    }

    /** Replaces the section between the benchmark's markers, or appends it. */
    static void record(Path file, String name, String command, String table) throws IOException {
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        String section = begin + "\nCommand: `" + command + "`\n\n" + table + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        text = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
