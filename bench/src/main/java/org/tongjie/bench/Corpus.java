package org.tongjie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.Record;
import org.tongjie.bench.CorpusTemplates.Group;
import org.tongjie.bench.CorpusTemplates.Template;
import org.tongjie.catalog.Classification;

/**
 * A regional network's worth of MARC records made from real ones, the same every time for the same
 * settings: {@code ./tongjie bench corpus [--records N] [--members M] [--seed S] [--out DIR]}.
 *
 * <p>The overlap model. An edition is drawn from a group (MARC21 books 55%, Chinese books 30%, UNIMARC
 * serials 15%) and a real template within it. The first time a template is drawn the edition is the real
 * record itself; every later draw is another edition of that work ({@link CorpusRecords#derivedEdition}),
 * which by the hub's rules joins nothing else. Each edition is held by 1 to 20 members (40% by one, 25% by
 * two, 15% by three, 8% four, 5% five, 5% six to ten, 2% eleven to twenty; mean about 2.6), picked by
 * weight (the central library holds most, kiosks least), and each holder writes its own copy
 * ({@link CorpusRecords#memberCopy}). The copies of an edition make one union record, except the copies of
 * a real record that carries no identifier and lacks an author or a year, which nothing can join: so the
 * expected number of union records is the editions that can join plus each copy of those that cannot.
 *
 * <p>Written: {@code members/<id>.mrc} per member, {@code combined.mrc} (every record once, for zebraidx)
 * and {@code corpus.json} (the settings, the members and the counts).
 */
final class Corpus {
    static final Path DEFAULT_OUT = Path.of("target/bench-corpus");
    static final String MANIFEST = "corpus.json";
    static final String COMBINED = "combined.mrc";
    static final long DEFAULT_SEED = 10;

    private static final double[] HOLDER_SHARES = {0.40, 0.25, 0.15, 0.08, 0.05, 0.05, 0.02};
    private static final int[][] HOLDER_RANGES = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 10}, {11, 20}};
    private static final List<String> LOCATIONS = List.of("General stacks", "Children", "Reference", "外借书库",
            "少儿借阅室", "报刊阅览室", "自助借还区");

    record Settings(long records, int members, long seed, Path out) {
        Settings {
            if (records < 1 || members < 1) {
                throw new IllegalArgumentException("a corpus needs at least one record and one member (records "
                        + records + ", members " + members + ")");
            }
        }
    }

    /** What was written, and what ingesting it all must give. */
    record Manifest(long seed, long records, List<MemberCount> members, int templates, long editions,
            long derivedEditions, long unjoinableEditions, long expectedUnionRecords, Map<Group, Long> editionsByGroup,
            Map<Integer, Long> holdersPerEdition) {}

    record MemberCount(String id, String kind, String itemStyle, long records) {}

    private Corpus() {}

    static Manifest generate(Settings settings, CorpusTemplates templates) throws IOException {
        return new Generation(settings, templates).run();
    }

    static Manifest readManifest(Path dir) throws IOException {
        return json().readValue(dir.resolve(MANIFEST).toFile(), Manifest.class);
    }

    static Path memberFile(Path dir, String memberId) {
        return dir.resolve("members").resolve(memberId + ".mrc");
    }

    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** One run of the generator: the random stream, the counters and the open files. */
    private static final class Generation {
        private final Settings settings;
        private final CorpusTemplates templates;
        private final SplittableRandom random;
        private final List<CorpusMember> members;
        private final Map<Group, List<Template>> byGroup = new EnumMap<>(Group.class);
        private final int[] drawn;
        private final long[] perMember;
        private final Map<Group, Long> editionsByGroup = new EnumMap<>(Group.class);
        private final Map<Integer, Long> holders = new TreeMap<>();
        private long syntheticIsbn;
        private long syntheticIssn;
        private long items;

        Generation(Settings settings, CorpusTemplates templates) {
            this.settings = settings;
            this.templates = templates;
            this.random = new SplittableRandom(settings.seed());
            this.members = CorpusMember.network(settings.members());
            for (Group g : Group.values()) {
                byGroup.put(g, templates.of(g));
            }
            this.drawn = new int[templates.all().size()];
            this.perMember = new long[members.size()];
        }

        Manifest run() throws IOException {
            Files.createDirectories(settings.out().resolve("members"));
            var outputs = new ArrayList<OutputStream>();
            try (OutputStream combined = open(settings.out().resolve(COMBINED))) {
                for (CorpusMember m : members) {
                    outputs.add(open(memberFile(settings.out(), m.id())));
                }
                var buffer = new ByteArrayOutputStream(1 << 16);
                var writer = new MarcStreamWriter(buffer, "UTF-8", true);
                long written = 0;
                long editions = 0;
                long derived = 0;
                long unjoinable = 0;
                long expected = 0;
                while (written < settings.records()) {
                    Template t = draw();
                    int generation = drawn[t.index()]++;
                    Record edition = generation == 0 ? t.record() : derive(t);
                    int k = (int) Math.min(holderCount(), Math.min(members.size(), settings.records() - written));
                    boolean joins = generation > 0 || t.joinable();
                    for (int holder : holders(k)) {
                        CorpusMember m = members.get(holder);
                        String localId = m.code() + String.format(Locale.ROOT, "%09d", ++perMember[holder]);
                        Record copy = CorpusRecords.memberCopy(edition, t.profile(), m, localId, items(m, t), random);
                        buffer.reset();
                        writer.write(copy);
                        buffer.writeTo(outputs.get(holder));
                        buffer.writeTo(combined);
                    }
                    written += k;
                    editions++;
                    derived += generation > 0 ? 1 : 0;
                    unjoinable += joins ? 0 : 1;
                    expected += joins ? 1 : k;
                    editionsByGroup.merge(t.group(), 1L, Long::sum);
                    holders.merge(k, 1L, Long::sum);
                }
                var counts = new ArrayList<MemberCount>();
                for (int i = 0; i < members.size(); i++) {
                    CorpusMember m = members.get(i);
                    counts.add(new MemberCount(m.id(), m.kind().name(), m.style().name(), perMember[i]));
                }
                var manifest = new Manifest(settings.seed(), written, counts, templates.all().size(), editions, derived,
                        unjoinable, expected, editionsByGroup, holders);
                json().writeValue(settings.out().resolve(MANIFEST).toFile(), manifest);
                return manifest;
            } finally {
                for (OutputStream out : outputs) {
                    out.close();
                }
            }
        }

        private static OutputStream open(Path file) throws IOException {
            return new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        }

        private Template draw() {
            double total = 0;
            for (var e : byGroup.entrySet()) {
                total += e.getValue().isEmpty() ? 0 : e.getKey().share;
            }
            double x = random.nextDouble() * total;
            for (var e : byGroup.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                x -= e.getKey().share;
                if (x < 0) {
                    return e.getValue().get(random.nextInt(e.getValue().size()));
                }
            }
            List<Template> any = templates.all();
            return any.get(random.nextInt(any.size()));
        }

        private Record derive(Template t) {
            String identifier = t.serial() ? nextIssn() : nextIsbn();
            return CorpusRecords.derivedEdition(t.record(), t.profile(), t.serial(), identifier, subtitle(t.han()));
        }

        private String subtitle(boolean han) {
            var sb = new StringBuilder();
            if (han) {
                List<String> chars = templates.hanCharacters();
                int n = 2 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    sb.append(chars.get(random.nextInt(chars.size())));
                }
            } else {
                List<String> words = templates.latinWords();
                int n = 2 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
                }
            }
            return sb.toString();
        }

        /** 979-8 ISBNs numbered in order, skipping any a real template carries. */
        private String nextIsbn() {
            String isbn;
            do {
                String core = String.format(Locale.ROOT, "9798%08d", syntheticIsbn++);
                isbn = core + isbn13Check(core);
            } while (templates.realIsbns().contains(isbn));
            return isbn;
        }

        private String nextIssn() {
            String issn;
            do {
                if (syntheticIssn >= 1_000_000) {
                    throw new IllegalStateException("more than a million derived serials: raise the ISSN range");
                }
                String core = String.format(Locale.ROOT, "9%06d", syntheticIssn++);
                issn = core.substring(0, 4) + "-" + core.substring(4) + issnCheck(core);
            } while (templates.realIssns().contains(issn));
            return issn;
        }

        private int holderCount() {
            double x = random.nextDouble();
            for (int i = 0; i < HOLDER_SHARES.length; i++) {
                x -= HOLDER_SHARES[i];
                if (x < 0 || i == HOLDER_SHARES.length - 1) {
                    int[] range = HOLDER_RANGES[i];
                    return range[0] + random.nextInt(range[1] - range[0] + 1);
                }
            }
            throw new AssertionError("shares sum to one");
        }

        /** k distinct members, each pick weighted by the members' weights among those not yet picked. */
        private List<Integer> holders(int k) {
            var chosen = new ArrayList<Integer>(k);
            var taken = new boolean[members.size()];
            int free = 0;
            for (CorpusMember m : members) {
                free += m.weight();
            }
            for (int c = 0; c < k; c++) {
                int x = random.nextInt(free);
                for (int i = 0; i < members.size(); i++) {
                    if (taken[i]) {
                        continue;
                    }
                    x -= members.get(i).weight();
                    if (x < 0) {
                        taken[i] = true;
                        free -= members.get(i).weight();
                        chosen.add(i);
                        break;
                    }
                }
            }
            return chosen;
        }

        /** One to three items, shelved by the record's own class where it has one. */
        private List<String[]> items(CorpusMember m, Template t) {
            int n = random.nextDouble() < 0.7 ? 1 : random.nextDouble() < 0.67 ? 2 : 3;
            Classification c = t.normalised().classification();
            String klass = java.util.stream.Stream.of(c.clc(), c.lc(), c.dewey()).flatMap(List::stream).findFirst().orElse("I247.5");
            var list = new ArrayList<String[]>(n);
            for (int i = 0; i < n; i++) {
                String branch = m.code() + (n > 1 && i > 0 ? "-" + (char) ('A' + random.nextInt(4)) : "");
                list.add(new String[] {branch, LOCATIONS.get(random.nextInt(LOCATIONS.size())),
                        klass + "/" + (1 + random.nextInt(999)), m.code() + String.format(Locale.ROOT, "%010d", ++items), "BK"});
            }
            return list;
        }
    }

    static char isbn13Check(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static char issnCheck(String seven) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (seven.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** The table the corpus command prints and writes to BENCHMARKS.md. */
    static String table(Settings settings, Manifest m, double seconds, Map<String, Long> fileBytes) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Seed %d: %,d records over %d members, from %,d distinct real templates, in %.0f s.%n%n",
                m.seed(), m.records(), m.members().size(), m.templates(), seconds));
        sb.append("| what | count |\n|---|---:|\n");
        var rows = new LinkedHashMap<String, Long>();
        rows.put("editions", m.editions());
        rows.put("  of which real records as they are", m.editions() - m.derivedEditions());
        rows.put("  of which derived editions (new ISBN/ISSN and subtitle)", m.derivedEditions());
        rows.put("  of which real records nothing can join (no identifier, no author or year)", m.unjoinableEditions());
        m.editionsByGroup().forEach((g, n) -> rows.put("editions from " + g.name().toLowerCase(Locale.ROOT).replace('_', ' '), n));
        rows.put("expected union records", m.expectedUnionRecords());
        rows.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %,d |%n", k, v)));
        sb.append("\n| holders of an edition | editions |\n|---:|---:|\n");
        m.holdersPerEdition().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %d | %,d |%n", k, v)));
        sb.append("\n| member | kind | items as | records |\n|---|---|---|---:|\n");
        for (MemberCount c : m.members()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d |%n", c.id(), c.kind(), c.itemStyle(), c.records()));
        }
        sb.append(String.format(Locale.ROOT, "%nFiles: %s.%n", String.join(", ", fileBytes.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.0f MB", e.getKey(), e.getValue() / 1e6)).toList())));
        return sb.toString();
    }
}
