package org.tongjie.app.z3950;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.indexer.MarcRecords;
import org.tongjie.z3950.Bib1Exception;
import org.tongjie.z3950.ElementSet;
import org.tongjie.z3950.RecordSyntax;

/**
 * A union record as the Z39.50 server presents it: the record of one of its members, in that member's own
 * fields, with the member's 852s replaced by one 852 per copy the union record holds anywhere (as SRU and
 * OAI-PMH serve it: $a library, $b service point, $c location, $h call number, $p barcode, $z availability).
 * The member is the describing one when its MARC family is the one asked for (MARC21 for USMARC,
 * UNIMARC/CNMARC for UNIMARC), else the first member of that family; a union record with no member of the
 * family is Bib-1 227 for that record, since the fields of the two families mean different things. An OPAC
 * record's bibliographic part is USMARC (YAZ labels it so), so OPAC wants a MARC21 member too; MARCXML
 * takes the describing record whatever its family. Written in UTF-8 by marc4j (MARC21 leader/09
 * 'a'; UNIMARC keeps leader/09 and 100$a as catalogued). search-api's MARCXML writer is internal to it, so
 * the 852s are written here with the same subfields.
 */
final class ServedRecords {
    /**
     * The fields of element set B: identification, main entry, title, edition, imprint, extent, series,
     * holdings (and in MARC21 the 880s that give them in their own script).
     */
    private static final Set<String> BRIEF_MARC21 = Set.of("001", "003", "005", "008", "010", "020", "022", "100",
            "110", "111", "130", "245", "250", "260", "264", "300", "490", "852", "880");
    private static final Set<String> BRIEF_UNIMARC = Set.of("001", "005", "010", "011", "100", "101", "200", "205",
            "210", "215", "225", "700", "701", "702", "710", "711", "712", "852");

    private ServedRecords() {}

    /** The member record a union record is presented from in {@code syntax}, or Bib-1 227 when it has none. */
    static UnionRecord.Member member(UnionRecord union, RecordSyntax syntax) {
        Optional<MarcProfile> family = switch (syntax) {
            case USMARC, OPAC -> Optional.of(MarcProfile.MARC21);
            case UNIMARC -> Optional.of(MarcProfile.UNIMARC);
            case MARCXML, XML -> Optional.empty();
        };
        String describing = union.description().id();
        UnionRecord.Member first = union.members().stream().filter(m -> m.recordId().equals(describing))
                .findFirst().orElse(union.members().getFirst());
        if (family.isEmpty() || first.profile() == family.get()) {
            return first;
        }
        return union.members().stream().filter(m -> m.profile() == family.get()).findFirst()
                .orElseThrow(() -> new Bib1Exception(227, syntax + ": union record " + union.id() + " holds "
                        + union.members().stream().map(m -> m.profile().name()).distinct().toList() + " records only"));
    }

    static byte[] render(SourceRecord source, List<Holding> holdings, RecordSyntax syntax, ElementSet elements) {
        try {
            MarcProfile profile = MarcRecords.profile(source);
            Record record = withHoldings(MarcRecords.record(source), holdings);
            if (elements == ElementSet.BRIEF) {
                brief(record, profile == MarcProfile.MARC21 ? BRIEF_MARC21 : BRIEF_UNIMARC);
            }
            return switch (syntax) {
                case USMARC, UNIMARC -> iso2709(record, profile);
                case MARCXML -> marcXml(record, profile);
                case OPAC -> OpacRecords.xml(marcXml(record, profile), holdings);
                case XML -> throw new Bib1Exception(238, syntax.name());
            };
        } catch (MarcRecords.UnusableRecordException e) {
            throw new Bib1Exception(14, e.getMessage());
        }
    }

    private static Record withHoldings(Record record, List<Holding> holdings) {
        List<VariableField> own = record.getVariableFields("852");
        own.forEach(record::removeVariableField);
        MarcFactory marc = MarcFactory.newInstance();
        for (Holding h : holdings) {
            DataField field = marc.newDataField("852", ' ', ' ');
            field.addSubfield(marc.newSubfield('a', h.libraryId()));
            field.addSubfield(marc.newSubfield('b', h.servicePoint()));
            h.location().ifPresent(v -> field.addSubfield(marc.newSubfield('c', v)));
            h.callNumber().ifPresent(v -> field.addSubfield(marc.newSubfield('h', v)));
            h.barcode().ifPresent(v -> field.addSubfield(marc.newSubfield('p', v)));
            field.addSubfield(marc.newSubfield('z', h.status().name()));
            record.addVariableField(field);
        }
        return record;
    }

    private static void brief(Record record, Set<String> kept) {
        List<VariableField> dropped = record.getVariableFields().stream().filter(f -> !kept.contains(f.getTag())).toList();
        dropped.forEach(record::removeVariableField);
    }

    private static byte[] iso2709(Record record, MarcProfile profile) {
        char catalogued = record.getLeader().getCharCodingScheme();
        unicode(record, profile);
        var out = new ByteArrayOutputStream();
        var writer = new MarcStreamWriter(out, "UTF-8");
        writer.write(record);
        writer.close();
        byte[] bytes = out.toByteArray();
        if (profile == MarcProfile.UNIMARC) {
            bytes[9] = (byte) catalogued; // marc4j writes MARC21's 'a' there; in UNIMARC leader/09 is undefined
        }
        return bytes;
    }

    private static byte[] marcXml(Record record, MarcProfile profile) {
        unicode(record, profile);
        var out = new ByteArrayOutputStream();
        var writer = new MarcXmlWriter(out, "UTF-8");
        writer.write(record);
        writer.close();
        return out.toByteArray();
    }

    /** marc4j decoded the record to Java strings and we write UTF-8: a MARC21 leader must say so. */
    private static void unicode(Record record, MarcProfile profile) {
        if (profile == MarcProfile.MARC21) {
            record.getLeader().setCharCodingScheme('a');
        }
    }
}
