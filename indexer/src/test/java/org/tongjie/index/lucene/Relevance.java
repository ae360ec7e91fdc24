package org.tongjie.index.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tongjie.catalog.BibRecord;

/**
 * Precision at 1, recall in the first ten, and the irrelevant hits in the first ten (noise: what a
 * tie on the first two hides), averaged over judged queries.
 */
record Relevance(int queries, double precisionAt1, double recallAt10, double noiseAt10, List<String> misses) {
    static final int DEPTH = 10;

    /** {@code search} answers a query with the titles of its first {@value DEPTH} hits, best first. */
    static Relevance measure(List<JudgedQueries.Judged> judged, List<BibRecord> records,
            Function<String, List<String>> search) {
        double p1 = 0;
        double recall = 0;
        double noise = 0;
        var misses = new ArrayList<String>();
        for (var j : judged) {
            List<String> titles = search.apply(j.query());
            long relevant = records.stream().filter(r -> j.titles().contains(r.displayTitle())).count();
            long found = titles.stream().limit(DEPTH).filter(j.titles()::contains).count();
            p1 += !titles.isEmpty() && j.titles().contains(titles.getFirst()) ? 1 : 0;
            recall += (double) found / relevant;
            noise += Math.min(titles.size(), DEPTH) - found;
            if (found < relevant || titles.isEmpty() || !j.titles().contains(titles.getFirst())) {
                misses.add(j.query() + " → " + titles);
            }
        }
        return new Relevance(judged.size(), p1 / judged.size(), recall / judged.size(), noise / judged.size(), misses);
    }

    String row(String name) {
        return "| %s | %d | %.3f | %.3f | %.2f |".formatted(name, queries, precisionAt1, recallAt10, noiseAt10);
    }
}
