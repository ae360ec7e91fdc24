package org.tongjie.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.search.Ranking;
import org.tongjie.search.SearchHit;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.SharedData;

/**
 * The judged query set ({@code judged-queries.tsv} beside this class) run against the demo network's union
 * records: success@3 (a fully relevant title among the first three) and nDCG@10 (gains 3 and 1 for the two
 * grades), per kind of query, with the widely-held prior and without it. Prints the table BENCHMARKS.md
 * shows; fails if a must-find query misses its first three or the scores fall.
 * Command: {@code mvn -B test -pl app -am -Dtest=JudgedSearchTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class JudgedSearchTest {
    private static final int DEPTH = 10;

    record Judged(String kind, String query, boolean must, Set<String> full, Set<String> partial) {
        int grade(String title) {
            return full.contains(title) ? 2 : partial.contains(title) ? 1 : 0;
        }
    }

    record Score(String query, boolean success, double ndcg) {}

    static List<Judged> judged() throws IOException {
        try (InputStream in = JudgedSearchTest.class.getResourceAsStream("judged-queries.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("\t", -1))
                    .map(f -> new Judged(f[0], f[1], f[2].equals("must"), titles(f[3]), titles(f[4])))
                    .toList();
        }
    }

    private static Set<String> titles(String field) {
        return field.isEmpty() ? Set.of() : Set.of(field.split("\\|"));
    }

    @Test
    void theJudgedQueriesFindWhatTheyShould(@TempDir Path withPrior, @TempDir Path textOnly) throws IOException {
        SharedData.debianFile(DemoNetwork.ZEBRA_EXAMPLES.resolve("marc21/sample-marc.gz").toString());
        var judged = judged();
        assertTrue(judged.size() >= 40, "at least 40 judged queries: " + judged.size());
        Map<String, List<Score>> standard;
        Map<String, List<Score>> plain;
        try (var catalog = Catalog.open(withPrior, Clock.systemUTC())) {
            DemoNetwork.load(catalog);
            assertEveryJudgedTitleExists(catalog, judged);
            standard = scores(judged, catalog);
        }
        try (var catalog = Catalog.open(textOnly, Clock.systemUTC(), Ranking.TEXT_ONLY)) {
            DemoNetwork.load(catalog);
            plain = scores(judged, catalog);
        }
        print(standard, plain);

        var misses = new ArrayList<String>();
        for (int i = 0; i < judged.size(); i++) {
            Score s = all(standard).get(i);
            if (judged.get(i).must() && !s.success()) {
                misses.add(s.query());
            }
        }
        assertEquals(List.of(), misses, "must-find queries without a fully relevant title in their first 3");
        assertTrue(mean(all(standard), Score::ndcg) >= 0.9, "nDCG@10 " + mean(all(standard), Score::ndcg));
        assertTrue(mean(all(standard), Score::ndcg) >= mean(all(plain), Score::ndcg) - 0.01,
                "the widely-held prior must not cost relevance on the judged set");
    }

    private static void assertEveryJudgedTitleExists(Catalog catalog, List<Judged> judged) {
        var titles = Set.copyOf(catalog.search().page("", 1, 10_000).hits().stream().map(SearchHit::title).toList());
        for (Judged j : judged) {
            j.full().forEach(t -> assertTrue(titles.contains(t), "judged title not in the network: " + t));
            j.partial().forEach(t -> assertTrue(titles.contains(t), "judged title not in the network: " + t));
        }
    }

    /** Scores by kind of query, in the file's order. */
    private static Map<String, List<Score>> scores(List<Judged> judged, Catalog catalog) {
        Map<String, Long> recordsPerTitle = new HashMap<>();
        catalog.search().page("", 1, 10_000).hits().forEach(h -> recordsPerTitle.merge(h.title(), 1L, Long::sum));
        var out = new LinkedHashMap<String, List<Score>>();
        for (Judged j : judged) {
            List<String> top = catalog.search().page(j.query(), 1, DEPTH).hits().stream().map(SearchHit::title).toList();
            boolean success = top.stream().limit(3).anyMatch(t -> j.grade(t) == 2);
            out.computeIfAbsent(j.kind(), k -> new ArrayList<>())
                    .add(new Score(j.query() + " → " + top, success, ndcg(j, top, recordsPerTitle)));
        }
        return out;
    }

    /** DCG of the first ten hits over the DCG of the best possible ten, gains 2^grade - 1. */
    static double ndcg(Judged j, List<String> top, Map<String, Long> recordsPerTitle) {
        double dcg = 0;
        for (int i = 0; i < Math.min(DEPTH, top.size()); i++) {
            dcg += gain(j.grade(top.get(i))) / log2(i + 2);
        }
        var ideal = new ArrayList<Integer>();
        recordsPerTitle.forEach((title, n) -> {
            for (long k = 0; k < n; k++) {
                ideal.add(j.grade(title));
            }
        });
        ideal.sort(Comparator.reverseOrder());
        double best = 0;
        for (int i = 0; i < Math.min(DEPTH, ideal.size()); i++) {
            best += gain(ideal.get(i)) / log2(i + 2);
        }
        return best == 0 ? 0 : dcg / best;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static List<Score> all(Map<String, List<Score>> byKind) {
        return byKind.values().stream().flatMap(List::stream).toList();
    }

    private static double mean(List<Score> scores, Function<Score, Double> metric) {
        return scores.stream().mapToDouble(metric::apply).average().orElse(0);
    }

    private static double successRate(List<Score> scores) {
        return mean(scores, s -> s.success() ? 1.0 : 0.0);
    }

    private static void print(Map<String, List<Score>> standard, Map<String, List<Score>> plain) {
        var table = new StringBuilder("| queries | count | success@3 | nDCG@10 | nDCG@10 without the widely-held prior |\n"
                + "|---|---:|---:|---:|---:|\n");
        standard.forEach((kind, scores) -> table.append(row(kind, scores, plain.get(kind))));
        table.append(row("**all**", all(standard), all(plain)));
        System.out.println(table);
        all(standard).stream().filter(s -> !s.success() || s.ndcg() < 1).forEach(s ->
                System.out.printf("  below perfect: %s (nDCG %.3f)%n", s.query(), s.ndcg()));
    }

    private static String row(String kind, List<Score> with, List<Score> without) {
        return "| %s | %d | %.3f | %.3f | %.3f |%n".formatted(kind, with.size(), successRate(with),
                mean(with, Score::ndcg), mean(without, Score::ndcg));
    }
}
