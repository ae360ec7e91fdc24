package org.tongjie.app.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.ExportFile;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.MarcRecords;

/**
 * A county network to try the hub on (Kunshan's places, {@value #MEMBERS_FILE}): a central library, town
 * branches and a children's library, 24-hour kiosks, smart book lockers, circulation points in a factory,
 * barracks, a school, a government office and a village, and a mobile van. Its records are real: CNMARC
 * records we catalogued for real Chinese books, the Library of Congress samples that Debian's
 * idzebra-2.0-examples ships and, when given, the shared test data's MARC21 pool and Taiwanese CMARC
 * records, read where they are. Which member holds which record, and the items, are generated (seeded,
 * so every start is the same); several members hold the same titles, as in a real network.
 */
public final class DemoNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);
    public static final Path ZEBRA_EXAMPLES = Path.of("/usr/share/doc/idzebra-2.0/examples");
    static final List<String> OWN_FIXTURES = List.of(
            "/demo/cnmarc-chinese-books-catalogued-by-tongjie.xml", "/demo/marc21-chinese-books-catalogued-abroad.xml");
    private static final List<String> ZEBRA_FILES = List.of(
            "marc21/sample-marc.gz", "marcxml/collection-2.xml.gz", "marcxml/collection-opera-43.xml.gz",
            "marcxml/collection-sandburg-1.xml");

    private static final java.util.Set<String> ITEM_TAGS = java.util.Set.of("852", "905", "952");

    /** A member and the share of the network's titles it holds. */
    private record Member(Library library, double share, String location) {}

    /**
     * The demo network's member directory, bundled with the hub: what {@code ./tongjie run} reads when no
     * {@code --members} file is given. Its API keys are {@code demo-key-ID} (e.g. {@code demo-key-branch-lujia}),
     * for trying uploads locally only.
     */
    public static final String MEMBERS_FILE = "/demo/members.json";

    /**
     * The demo's library system writes CNMARC items in 905 with the due date of a lent copy in $z, a local
     * habit the default 905 mapping cannot know: each member says so in its holdings mapping.
     */
    static final HoldingsMapping HOLDINGS = HoldingsMapping.parse(HoldingsMapping.MARC21_DEFAULT.spec() + """

            905 servicePoint=a location=c callNumber=d/e barcode=b onLoan=z""");

    static final String CENTRAL = "central";
    /**
     * The share of the bundled titles the first six members hold, drawn from the first random stream as
     * before the network grew, so the holdings the page tests and judged queries rely on stay where they were.
     */
    private static final Map<String, Double> FIRST_SHARES = Map.of(
            CENTRAL, 0.7, "branch-zhoushi", 0.4, "branch-lujia", 0.4, "kiosk-station", 0.2, "locker-huaqiao", 0.15, "van-1", 0.15);
    /** The share of the titles every other member holds, by its kind: a kiosk or locker holds a small rotating stock. */
    private static final Map<LibraryKind, Double> SHARE_BY_KIND = Map.of(
            LibraryKind.CENTRAL, 0.7, LibraryKind.BRANCH, 0.25, LibraryKind.KIOSK_24H, 0.08,
            LibraryKind.SMART_LOCKER, 0.05, LibraryKind.CIRCULATION_POINT, 0.04, LibraryKind.MOBILE_VAN, 0.15);
    /** The location its items are shelved at, by the member's kind. */
    private static final Map<LibraryKind, String> LOCATION_BY_KIND = Map.of(
            LibraryKind.CENTRAL, "STACKS", LibraryKind.BRANCH, "ADULT", LibraryKind.KIOSK_24H, "KIOSK",
            LibraryKind.SMART_LOCKER, "LOCKER", LibraryKind.CIRCULATION_POINT, "DEPOSIT", LibraryKind.MOBILE_VAN, "VAN");
    private static final List<Member> MEMBERS = directory().members().stream()
            .map(m -> new Member(m.library(), FIRST_SHARES.getOrDefault(m.id(), SHARE_BY_KIND.get(m.library().kind())),
                    LOCATION_BY_KIND.get(m.library().kind())))
            .toList();
    private static final List<Member> FIRST = MEMBERS.stream().filter(m -> FIRST_SHARES.containsKey(m.library().id())).toList();
    private static final List<Member> OTHERS = MEMBERS.stream().filter(m -> !FIRST.contains(m)).toList();

    /**
     * The real record files of the shared test data that the demo spreads over its members when they are
     * there: the MARC21 pool (the union of Koha's sample, its own 952 items replaced by the demo's, the
     * Austen set, the LC and Zebra samples, Open Library's, ZDB's and the CJK records) and the Taiwanese
     * CMARC records, which are not MARC21. Each file once: the pool already holds the sets it was made of.
     */
    /** The shared files are larger than the bundled ones: half the shares keep a first start short. */
    private static final double SHARED_SCALE = 0.5;
    static final List<String> SHARED_FILES = List.of("pool/pool-marc21-utf8.mrc", "pool/pride-cmarc-like-unimarc-records.mrc");

    private DemoNetwork() {}

    /** The bundled demo directory ({@value #MEMBERS_FILE}). */
    public static MemberDirectory directory() {
        try (InputStream in = DemoNetwork.class.getResourceAsStream(MEMBERS_FILE)) {
            if (in == null) {
                throw new IllegalStateException("the demo directory " + MEMBERS_FILE + " is missing from the build");
            }
            return MemberDirectory.read(in, "classpath:" + MEMBERS_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the directory and the bundled records; meant for an empty catalogue on first start. */
    public static Loaded load(Catalog catalog) {
        return load(catalog, Optional.empty());
    }

    /**
     * What a first start loaded: how many records the members sent, how many union records they made, and
     * which shared files were missing.
     */
    public record Loaded(long records, long unionRecords, List<String> missing) {}

    /**
     * Loads the directory, the bundled records and, from {@code sharedData} when given, the shared real
     * record files ({@link #SHARED_FILES}), read where they are (never copied).
     */
    public static Loaded load(Catalog catalog, Optional<Path> sharedData) {
        MEMBERS.forEach(m -> catalog.libraries().save(m.library()));
        var random = new Random(20261123L);
        var others = new Random(20261208L);
        var exports = new LinkedHashMap<String, Export>();
        MEMBERS.forEach(m -> exports.put(m.library().id(), new Export()));
        var missing = new ArrayList<String>();
        for (InputStream source : sources(missing)) {
            distribute(source, exports, random, others, 1.0);
        }
        sharedData.ifPresent(dir -> SHARED_FILES.forEach(file -> {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                var seeded = new Random(file.hashCode());
                distribute(ExportFile.open(p), exports, seeded, seeded, SHARED_SCALE);
            } else {
                missing.add(p.toString());
            }
        }));
        var records = new long[1];
        catalog.maintenance().inBulk(() -> {
            exports.forEach((libraryId, export) -> {
                var report = catalog.ingest().file(libraryId, export.toInputStream(), "demo");
                records[0] += report.accepted() + report.updated();
                LOG.info("demo member {}: {} records loaded, {} quarantined", libraryId, report.accepted(), report.quarantined());
            });
            return null;
        });
        return new Loaded(records[0], catalog.search().page("", 1, 1).total(), List.copyOf(missing));
    }

    private static List<InputStream> sources(List<String> missing) {
        var out = new ArrayList<InputStream>();
        for (String fixture : OWN_FIXTURES) {
            InputStream records = DemoNetwork.class.getResourceAsStream(fixture);
            if (records == null) {
                throw new IllegalStateException("the demo's records " + fixture + " are missing from the build");
            }
            out.add(records);
        }
        for (String file : ZEBRA_FILES) {
            Path p = ZEBRA_EXAMPLES.resolve(file);
            if (Files.isRegularFile(p)) {
                out.add(ExportFile.open(p));
            } else {
                missing.add(p + " (install Debian's idzebra-2.0-examples; ./tongjie run does)");
            }
        }
        return out;
    }

    /**
     * Gives each record to the first six members by their shares times {@code scale}, drawn from
     * {@code random}, and to the others from {@code others}; each holder gets a fresh copy with items of its own.
     */
    private static void distribute(InputStream in, Map<String, Export> exports, Random random, Random others, double scale) {
        try (var records = MarcRecords.read(in)) {
            records.forEach(read -> {
                for (Member m : holdersOf(FIRST, random, true, scale)) {
                    exports.get(m.library().id()).add(withItems(read, m, random));
                }
                for (Member m : holdersOf(OTHERS, others, false, scale)) {
                    exports.get(m.library().id()).add(withItems(read, m, others));
                }
            });
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("reading demo records failed", e.getCause());
        }
    }

    private static List<Member> holdersOf(List<Member> members, Random random, boolean someone, double scale) {
        var holders = new ArrayList<Member>();
        for (Member m : members) {
            if (random.nextDouble() < m.share() * scale) {
                holders.add(m);
            }
        }
        return holders.isEmpty() && someone ? List.of(members.getFirst()) : holders;
    }

    /** A fresh copy of the record with 1-3 items: Koha's 952 for MARC21, CNMARC's 905 for UNIMARC. */
    private static Record withItems(MarcRecords.Read read, Member m, Random random) {
        Record record = reparse(read.raw());
        // a Koha export's own items name Koha's branches (CPL, FPL, MPL), which are not this network's
        List.copyOf(record.getDataFields()).stream().filter(f -> ITEM_TAGS.contains(f.getTag())).forEach(record::removeVariableField);
        boolean unimarc = record.getVariableField("200") != null && record.getVariableField("245") == null;
        var factory = MarcFactory.newInstance();
        int copies = 1 + random.nextInt(3);
        for (int i = 0; i < copies; i++) {
            String barcode = m.library().id().toUpperCase().replace("-", "") + String.format("%08d", random.nextInt(100_000_000));
            DataField item = unimarc ? factory.newDataField("905", ' ', ' ') : factory.newDataField("952", ' ', ' ');
            if (unimarc) {
                item.addSubfield(factory.newSubfield('a', m.library().id()));
                item.addSubfield(factory.newSubfield('b', barcode));
                item.addSubfield(factory.newSubfield('c', m.location()));
                firstSubfield(record, "690", 'a').ifPresent(clc -> item.addSubfield(factory.newSubfield('d', clc)));
                item.addSubfield(factory.newSubfield('e', Integer.toString(1 + random.nextInt(400))));
                if (random.nextInt(4) == 0) {
                    item.addSubfield(factory.newSubfield('z', "2026-12-20"));
                }
            } else {
                item.addSubfield(factory.newSubfield('a', m.library().id()));
                item.addSubfield(factory.newSubfield('b', m.library().id()));
                item.addSubfield(factory.newSubfield('c', m.location()));
                firstSubfield(record, "050", 'a').ifPresent(lc -> item.addSubfield(factory.newSubfield('o', lc)));
                item.addSubfield(factory.newSubfield('p', barcode));
                item.addSubfield(factory.newSubfield('y', "BK"));
                if (random.nextInt(4) == 0) {
                    item.addSubfield(factory.newSubfield('q', "2026-12-20"));
                }
            }
            record.addVariableField(item);
        }
        record.getLeader().setCharCodingScheme('a');
        return record;
    }

    private static Optional<String> firstSubfield(Record record, String tag, char code) {
        return record.getDataFields().stream().filter(f -> f.getTag().equals(tag))
                .map(f -> f.getSubfield(code)).filter(Objects::nonNull).map(Subfield::getData).findFirst();
    }

    private static Record reparse(byte[] raw) {
        return MarcRecords.parse(raw).orElseThrow(() -> new IllegalStateException("a record we wrote does not parse"))
                .record();
    }

    /**
     * One member's generated export, in UTF-8 ISO 2709 like most library systems write: MARCXML cannot
     * carry the control characters some real records hold (one LC sample has a 0x1F in its data).
     */
    private static final class Export {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final MarcStreamWriter writer = new MarcStreamWriter(bytes, "UTF-8");

        void add(Record record) {
            writer.write(record);
        }

        InputStream toInputStream() {
            writer.close();
            return new ByteArrayInputStream(bytes.toByteArray());
        }
    }
}
