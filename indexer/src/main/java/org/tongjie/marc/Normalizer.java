package org.tongjie.marc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.SourceRecord;

/** Tells what a MARC record is (profile, local id, deleted or not) and maps it to a {@link BibRecord}. */
public final class Normalizer {
    /** Leader/06 values of authority, holdings, classification and community records, in both profiles. */
    private static final String NON_BIBLIOGRAPHIC_TYPES = "quvwxyz";

    private Normalizer() {}

    /** What ingest needs to know of a record before it stores it. */
    public sealed interface Identification {
        record Usable(String localId, MarcProfile profile, boolean deleted) implements Identification {}

        record Unusable(String reason) implements Identification {}
    }

    public static Identification identify(Record record) {
        String leader = record.getLeader().toString();
        if (leader.length() > 6 && NON_BIBLIOGRAPHIC_TYPES.indexOf(leader.charAt(6)) >= 0) {
            return new Identification.Unusable("not a bibliographic record: leader/06 is '" + leader.charAt(6)
                    + "' (authority, holdings or classification data)");
        }
        MarcProfile profile = detectProfile(record);
        Optional<String> localId = localId(record, profile);
        if (localId.isEmpty()) {
            return new Identification.Unusable(profile == MarcProfile.MARC21
                    ? "no record id: the record has no 999 $c, 001 or 035 $a"
                    : "no record id: the record has no 001");
        }
        boolean deleted = leader.length() > 5 && leader.charAt(5) == 'd';
        return new Identification.Usable(localId.get(), profile, deleted);
    }

    /** A MARC21 record has a 245 title; a UNIMARC record has a 200 title instead. */
    static MarcProfile detectProfile(Record record) {
        boolean has245 = !MarcFields.data(record, "245").isEmpty();
        boolean has200 = !MarcFields.data(record, "200").isEmpty();
        return has200 && !has245 ? MarcProfile.UNIMARC : MarcProfile.MARC21;
    }

    /**
     * The member's own id for the record. Koha keeps its record number in 999 $c and often leaves a 001
     * copied from wherever the record was catalogued (the Koha sample holds one 001 twice), so 999 $c
     * comes first; then 001; then, in MARC21, the first 035 $a.
     */
    private static Optional<String> localId(Record record, MarcProfile profile) {
        Optional<String> kohaNumber = MarcFields.values(record, "999", 'c').stream().findFirst();
        if (kohaNumber.isPresent()) {
            return kohaNumber;
        }
        Optional<String> controlNumber = MarcFields.control(record, "001").map(String::strip);
        if (controlNumber.isPresent() || profile == MarcProfile.UNIMARC) {
            return controlNumber;
        }
        return MarcFields.values(record, "035", 'a').stream().findFirst();
    }

    /** Parses a stored source record again and maps it; the index is always built from the raw bytes. */
    public static BibRecord normalize(SourceRecord source) {
        try (var in = MarcSource.open(new ByteArrayInputStream(source.raw()))) {
            if (in.hasNext() && in.next() instanceof MarcEntry.Parsed parsed) {
                return normalize(source.recordId(), source.libraryId(), source.localId(), parsed.record());
            }
            throw new IllegalStateException("stored record " + source.libraryId() + "/" + source.localId()
                    + " no longer parses");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BibRecord normalize(String id, String libraryId, String localId, Record record) {
        return switch (detectProfile(record)) {
            case MARC21 -> Marc21Mapping.map(id, libraryId, localId, record);
            case UNIMARC -> UnimarcMapping.map(id, libraryId, localId, record);
        };
    }
}
