package org.tongjie.bench;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tongjie.catalog.BibRecord;
import org.tongjie.indexer.MarcRecords;

/**
 * The search bench's fixed query mix, drawn with a seed from records of the corpus itself so every query
 * finds something: Chinese (two to four characters of a Han title), pinyin (the same, spaced syllables),
 * English (one or two title words, sometimes an author's surname), ISBN, and faceted (a Chinese or English
 * query narrowed to a member library or to books). Every query string is distinct, so a run measures
 * searches rather than the hub's result cache.
 */
final class SearchQueries {
    /** Share of each kind in the mix, in the order the table lists them. */
    static final Map<String, Double> MIX = mix();
    private static final long SEED = 20261124L;
    private static final Transliterator PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII");

    record Query(String kind, String path) {}

    private SearchQueries() {}

    private static Map<String, Double> mix() {
        var mix = new LinkedHashMap<String, Double>();
        mix.put("chinese", 0.30);
        mix.put("pinyin", 0.15);
        mix.put("english", 0.25);
        mix.put("isbn", 0.10);
        mix.put("faceted", 0.20);
        return mix;
    }

    /** {@code count} distinct queries from a sample of the first records of the corpus file. */
    static List<Query> from(Path combined, int count, List<String> members) throws IOException {
        var random = new Random(SEED);
        Map<String, Set<String>> pools = new LinkedHashMap<>();
        MIX.keySet().forEach(k -> pools.put(k, new LinkedHashSet<>()));
        try (InputStream in = Files.newInputStream(combined); var records = MarcRecords.read(in)) {
            records.takeWhile(read -> !full(pools, count)).filter(read -> random.nextInt(4) == 0)
                    .forEach(read -> MarcRecords.describe("q", read).ifPresent(r -> add(r, random, pools, members)));
        }
        var queries = new ArrayList<Query>();
        var iterators = new LinkedHashMap<String, java.util.Iterator<String>>();
        pools.forEach((k, v) -> iterators.put(k, v.iterator()));
        while (queries.size() < count) {
            String kind = pick(random);
            var it = iterators.get(kind);
            if (!it.hasNext()) {
                throw new IllegalStateException("the corpus sample gave too few " + kind + " queries for " + count + " requests");
            }
            queries.add(new Query(kind, it.next()));
        }
        return List.copyOf(queries);
    }

    private static boolean full(Map<String, Set<String>> pools, int count) {
        return MIX.entrySet().stream().allMatch(e -> pools.get(e.getKey()).size() > e.getValue() * count * 1.2 + 50);
    }

    private static String pick(Random random) {
        double x = random.nextDouble();
        for (var e : MIX.entrySet()) {
            x -= e.getValue();
            if (x < 0) {
                return e.getKey();
            }
        }
        return "faceted";
    }

    private static void add(BibRecord r, Random random, Map<String, Set<String>> pools, List<String> members) {
        if (r.titles().isEmpty()) {
            return;
        }
        String title = r.titles().getFirst();
        String han = hanRun(title);
        if (han.length() >= 2) {
            int n = Math.min(han.length(), 2 + random.nextInt(3));
            int from = random.nextInt(han.length() - n + 1);
            String words = han.substring(from, from + n);
            pools.get("chinese").add(path(words));
            pools.get("pinyin").add(path(PINYIN.transliterate(words).strip()));
            pools.get("faceted").add(path(words) + "&facet=library:" + members.get(random.nextInt(members.size())));
        }
        var latin = java.util.Arrays.stream(title.split("[^\\p{IsLatin}]+")).filter(w -> w.length() >= 4).toList();
        if (!latin.isEmpty()) {
            String q = latin.get(random.nextInt(latin.size()));
            if (latin.size() > 1 && random.nextBoolean()) {
                q += " " + latin.get(random.nextInt(latin.size()));
            }
            if (!r.authors().isEmpty() && random.nextInt(3) == 0) {
                q += " " + r.authors().getFirst().split("[,\\s]+")[0];
            }
            pools.get("english").add(path(q.toLowerCase(Locale.ROOT)));
            pools.get("faceted").add(path(latin.getFirst().toLowerCase(Locale.ROOT)) + "&facet=format:BOOK&facet=library:"
                    + members.get(random.nextInt(members.size())));
        }
        r.isbns().stream().findFirst().ifPresent(isbn -> pools.get("isbn").add(path(isbn)));
    }

    private static String hanRun(String title) {
        var sb = new StringBuilder();
        title.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static String path(String q) {
        return "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
