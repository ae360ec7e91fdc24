package org.tongjie.app.z3950;

import java.io.ByteArrayOutputStream;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Leader;
import org.marc4j.marc.Record;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.z3950.Bib1Exception;
import org.tongjie.z3950.RecordSyntax;

/**
 * A member's record as the Z39.50 server gives it: ISO 2709 records in ISO 2709 exactly as the member sent
 * them (a copy-catalogued record must be the original, not our re-encoding), everything else converted
 * with marc4j from the record as we read it, in UTF-8. USMARC is for MARC21 records and UNIMARC for
 * UNIMARC/CNMARC ones: the other combination is Bib-1 227, since the fields mean different things.
 */
final class ServedRecords {
    private ServedRecords() {}

    static byte[] render(SourceRecord source, RecordSyntax syntax) {
        MarcEntry.Parsed parsed = parse(source);
        MarcProfile profile = switch (Normalizer.identify(parsed.record(), parsed.raw())) {
            case Normalizer.Identification.Usable usable -> usable.profile();
            case Normalizer.Identification.Unusable unusable ->
                    throw new Bib1Exception(14, source.recordId() + ": " + unusable.reason());
        };
        return switch (syntax) {
            case USMARC -> iso2709(source, parsed, profile, MarcProfile.MARC21, syntax);
            case UNIMARC -> iso2709(source, parsed, profile, MarcProfile.UNIMARC, syntax);
            case MARCXML -> marcXml(parsed.record(), profile);
            case XML -> throw new Bib1Exception(238, syntax.name());
        };
    }

    private static byte[] iso2709(SourceRecord source, MarcEntry.Parsed parsed, MarcProfile profile,
            MarcProfile wanted, RecordSyntax syntax) {
        if (profile != wanted) {
            throw new Bib1Exception(227, syntax + ": the record is " + profile);
        }
        if (source.syntax() == org.tongjie.catalog.RecordSyntax.ISO2709) {
            return source.raw();
        }
        char catalogued = parsed.record().getLeader().getCharCodingScheme();
        Record record = unicode(parsed.record(), profile);
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

    private static byte[] marcXml(Record parsed, MarcProfile profile) {
        var out = new ByteArrayOutputStream();
        var writer = new MarcXmlWriter(out, "UTF-8");
        writer.write(unicode(parsed, profile));
        writer.close();
        return out.toByteArray();
    }

    /**
     * marc4j has decoded the record to Java strings, whatever the member's charset, and we write UTF-8: a
     * MARC21 leader must say so (leader/09 'a') or a reader would take it for MARC-8. UNIMARC keeps its
     * character set in 100$a, which we leave as catalogued.
     */
    private static Record unicode(Record record, MarcProfile profile) {
        if (profile == MarcProfile.MARC21) {
            Leader leader = record.getLeader();
            leader.setCharCodingScheme('a');
        }
        return record;
    }

    private static MarcEntry.Parsed parse(SourceRecord source) {
        return MarcSource.parseOne(source.raw()).orElseThrow(() ->
                new Bib1Exception(14, "stored record " + source.recordId() + " no longer parses"));
    }
}
