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
import org.tongjie.harvest.ExportFile;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.MarcRecords;

/**
 * A small network to try the hub on: a central library, two town branches, a 24-hour self-service
 * library, a smart book locker and a mobile van. Its records are real: the Library of Congress samples
 * that Debian's idzebra-2.0-examples ships, and CNMARC records we catalogued for real Chinese books.
 * Which member holds which record, and the items, are generated (seeded, so every start is the same);
 * several members hold the same titles, as in a real network.
 */
public final class DemoNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);
    public static final Path ZEBRA_EXAMPLES = Path.of("/usr/share/doc/idzebra-2.0/examples");
    static final List<String> OWN_FIXTURES = List.of(
            "/demo/cnmarc-chinese-books-catalogued-by-tongjie.xml", "/demo/marc21-chinese-books-catalogued-abroad.xml");
    private static final List<String> ZEBRA_FILES = List.of(
            "marc21/sample-marc.gz", "marcxml/collection-2.xml.gz", "marcxml/collection-opera-43.xml.gz",
            "marcxml/collection-sandburg-1.xml");

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
    /** Which share of the titles each member holds, and the location its items are shelved at. */
    private static final Map<String, Map.Entry<Double, String>> SHARES = Map.of(
            CENTRAL, Map.entry(0.7, "STACKS"),
            "branch-zhoushi", Map.entry(0.4, "ADULT"),
            "branch-lujia", Map.entry(0.4, "ADULT"),
            "kiosk-station", Map.entry(0.2, "KIOSK"),
            "locker-huaqiao", Map.entry(0.15, "LOCKER"),
            "van-1", Map.entry(0.15, "VAN"));
    private static final List<Member> MEMBERS = directory().members().stream().map(m -> {
        var share = SHARES.get(m.id());
        if (share == null) {
            throw new IllegalStateException("the demo directory's member " + m.id() + " has no share of the titles");
        }
        return new Member(m.library(), share.getKey(), share.getValue());
    }).toList();

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

    /** Loads the directory and the records; meant for an empty catalogue on first start. */
    public static void load(Catalog catalog) {
        MEMBERS.forEach(m -> catalog.libraries().save(m.library()));
        var random = new Random(20261123L);
        var exports = new LinkedHashMap<String, Export>();
        MEMBERS.forEach(m -> exports.put(m.library().id(), new Export()));
        for (InputStream source : sources()) {
            distribute(source, exports, random);
        }
        exports.forEach((libraryId, export) -> {
            var report = catalog.ingest().file(libraryId, export.toInputStream(), "demo");
            LOG.info("demo member {}: {} records loaded, {} quarantined", libraryId, report.accepted(), report.quarantined());
        });
    }

    private static List<InputStream> sources() {
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
                LOG.warn("demo records {} not found: install Debian's idzebra-2.0-examples (./tongjie run does)", p);
            }
        }
        return out;
    }

    private static void distribute(InputStream in, Map<String, Export> exports, Random random) {
        try (var records = MarcRecords.read(in)) {
            records.forEach(read -> {
                for (Member m : holdersOf(random)) {
                    exports.get(m.library().id()).add(withItems(read, m, random));
                }
            });
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("reading demo records failed", e.getCause());
        }
    }

    private static List<Member> holdersOf(Random random) {
        var holders = new ArrayList<Member>();
        for (Member m : MEMBERS) {
            if (random.nextDouble() < m.share()) {
                holders.add(m);
            }
        }
        return holders.isEmpty() ? List.of(MEMBERS.getFirst()) : holders;
    }

    /** A fresh copy of the record with 1-3 items: Koha's 952 for MARC21, CNMARC's 905 for UNIMARC. */
    private static Record withItems(MarcRecords.Read read, Member m, Random random) {
        Record record = reparse(read.raw());
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
