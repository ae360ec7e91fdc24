package org.tongjie.app.z3950;

import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.indexer.MarcRecords;
import org.tongjie.z3950.Bib1Exception;
import org.tongjie.z3950.RecordSyntax;

/**
 * A member's record as the Z39.50 server gives it: ISO 2709 records in ISO 2709 exactly as the member sent
 * them (a copy-catalogued record must be the original, not our re-encoding), everything else converted
 * with marc4j from the record as we read it, in UTF-8 ({@link MarcRecords}). USMARC is for MARC21 records and
 * UNIMARC for UNIMARC/CNMARC ones: the other combination is Bib-1 227, since the fields mean different things.
 */
final class ServedRecords {
    private ServedRecords() {}

    static byte[] render(SourceRecord source, RecordSyntax syntax) {
        try {
            MarcRecords.profile(source);
            return switch (syntax) {
                case USMARC -> MarcRecords.iso2709(source, MarcProfile.MARC21);
                case UNIMARC -> MarcRecords.iso2709(source, MarcProfile.UNIMARC);
                case MARCXML -> MarcRecords.marcXml(source);
                case XML -> throw new Bib1Exception(238, syntax.name());
            };
        } catch (MarcRecords.UnusableRecordException e) {
            throw new Bib1Exception(14, e.getMessage());
        } catch (MarcRecords.WrongProfileException e) {
            throw new Bib1Exception(227, syntax + ": the record is " + e.profile());
        }
    }
}
