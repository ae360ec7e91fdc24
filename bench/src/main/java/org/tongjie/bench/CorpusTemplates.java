package org.tongjie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.indexer.Editions;
import org.tongjie.indexer.MarcRecords;

/**
 * The real records a corpus is derived from, each a distinct edition: every usable bibliographic record of
 * the files below, clustered with the hub's own matcher ({@link Editions}) and one record kept per cluster, so two
 * templates are never the same edition by the hub's rules and the corpus's expected union count is exact.
 */
record CorpusTemplates(List<Template> all, Set<String> realIsbns, Set<String> realIssns,
        List<String> latinWords, List<String> hanCharacters) {

    /** Which share of the corpus's editions each group gives, and where its records come from. */
    enum Group {
        /** English and other Latin-script books in MARC21: the pool of real MARC21 records. */
        MARC21_BOOKS(0.55),
        /** Chinese books: CNMARC, Taiwanese CMARC, and MARC21 records with a Han title. */
        CHINESE(0.30),
        /** UNIMARC serials (Sciences Po). */
        UNIMARC_SERIALS(0.15);

        final double share;

        Group(double share) {
            this.share = share;
        }
    }

    /** One real record, its normalised form, and whether copies of it can find each other. */
    record Template(int index, Group group, Record record, BibRecord normalised) {
        MarcProfile profile() {
            return normalised.profile();
        }

        boolean serial() {
            return !normalised.issns().isEmpty() || record.getLeader().getImplDefined1()[0] == 's';
        }

        boolean han() {
            return normalised.titles().stream().anyMatch(CorpusTemplates::hasHan);
        }

        /**
         * Copies of this edition held by several members join in one union record when they share an
         * identifier, or a title, an author and a year (copies keep all of these).
         */
        boolean joinable() {
            BibRecord r = normalised;
            return !r.isbns().isEmpty() || !r.issns().isEmpty() || !r.systemNumbers().isEmpty()
                    || (!r.titles().isEmpty() && !r.authors().isEmpty() && r.year().isPresent());
        }
    }

    /** A source file of real records and the group its records go to (a Han title moves a record to CHINESE). */
    private record Source(String name, Group group, Supplier<InputStream> open) {}

    static CorpusTemplates load(Path sharedData) throws IOException {
        var sources = List.of(
                file(sharedData.resolve("pool/pool-marc21-utf8.mrc"), Group.MARC21_BOOKS),
                file(sharedData.resolve("pool/pride-cmarc-like-unimarc-records.mrc"), Group.CHINESE),
                file(sharedData.resolve("xbib-marc-test-resources/dialects/unimarc/periouni.mrc"), Group.UNIMARC_SERIALS),
                resource("/demo/cnmarc-chinese-books-catalogued-by-tongjie.xml"),
                resource("/demo/marc21-chinese-books-catalogued-abroad.xml"));
        var read = new ArrayList<Template>();
        for (Source source : sources) {
            try (InputStream in = source.open().get(); var records = MarcRecords.read(in)) {
                records.forEach(record -> usable(read.size(), source.group(), record).ifPresent(read::add));
            }
        }
        return distinct(read);
    }

    private static Source file(Path path, Group group) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the corpus is derived from the shared real records, but " + path
                    + " is missing (set -Dtongjie.shared.data to the shared data folder)");
        }
        return new Source(path.toString(), group, () -> {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static Source resource(String name) {
        return new Source(name, Group.CHINESE, () -> {
            InputStream in = CorpusTemplates.class.getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return in;
        });
    }

    private static Optional<Template> usable(int index, Group group, MarcRecords.Read parsed) {
        if (!parsed.usable() || parsed.deleted()) {
            return Optional.empty();
        }
        // A library id of its own per template keeps record ids apart where real files repeat a 001.
        return MarcRecords.describe("t" + index, parsed)
                .filter(r -> !r.titles().isEmpty())
                .map(r -> {
                    Group g = r.titles().stream().anyMatch(CorpusTemplates::hasHan) ? Group.CHINESE : group;
                    return new Template(index, g, parsed.record(), r);
                });
    }

    private static CorpusTemplates distinct(List<Template> read) {
        Map<String, Template> byId = new LinkedHashMap<>();
        read.forEach(t -> byId.put(t.normalised().id(), t));
        var kept = new ArrayList<Template>();
        for (List<String> edition : Editions.group(read.stream().map(Template::normalised).toList())) {
            Template first = byId.get(edition.getFirst());
            kept.add(new Template(kept.size(), first.group(), first.record(), first.normalised()));
        }
        var isbns = new HashSet<String>();
        var issns = new HashSet<String>();
        var latin = new TreeSet<String>();
        var han = new TreeSet<String>();
        for (Template t : read) {
            isbns.addAll(t.normalised().isbns());
            issns.addAll(t.normalised().issns());
            for (String title : t.normalised().titles()) {
                for (String word : title.split("[^\\p{L}]+")) {
                    if (word.length() >= 4 && word.chars().allMatch(c -> c < 0x250)) {
                        latin.add(word.toLowerCase(java.util.Locale.ROOT));
                    }
                }
                title.codePoints().filter(CorpusTemplates::isHan).forEach(c -> han.add(Character.toString(c)));
            }
        }
        return new CorpusTemplates(List.copyOf(kept), Set.copyOf(isbns), Set.copyOf(issns), List.copyOf(latin), List.copyOf(han));
    }

    List<Template> of(Group group) {
        return all.stream().filter(t -> t.group() == group).toList();
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(CorpusTemplates::isHan);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
