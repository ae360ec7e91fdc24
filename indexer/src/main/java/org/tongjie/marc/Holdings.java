package org.tongjie.marc;

import static org.tongjie.marc.MarcFields.data;
import static org.tongjie.marc.MarcFields.first;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.catalog.MarcProfile;

/**
 * Items and locations: Koha's 952 and standard 852 in MARC21; CNMARC's 905 local holdings and 852 in
 * UNIMARC. Making the tag and subfields a per-member setting is the next slice of the MARC issue.
 */
final class Holdings {
    private Holdings() {}

    static List<Holding> read(MarcProfile profile, String libraryId, Record r) {
        var out = new ArrayList<Holding>();
        if (profile == MarcProfile.MARC21) {
            for (DataField f : data(r, "952")) {
                out.add(new Holding(libraryId, first(f, 'b').or(() -> first(f, 'a')).orElse(libraryId),
                        first(f, 'c'), first(f, 'o'), first(f, 'p'), kohaStatus(f)));
            }
        } else {
            for (DataField f : data(r, "905")) {
                Optional<String> callNumber = first(f, 'd').map(d -> first(f, 'e').map(e -> d + "/" + e).orElse(d));
                out.add(new Holding(libraryId, first(f, 'a').orElse(libraryId), first(f, 'c'), callNumber,
                        first(f, 'b'), HoldingStatus.AVAILABLE));
            }
        }
        for (DataField f : data(r, "852")) {
            out.add(new Holding(libraryId, first(f, 'b').orElse(libraryId), first(f, 'c'),
                    MarcFields.joined(f, "hi"), first(f, 'p'), HoldingStatus.UNKNOWN));
        }
        return out;
    }

    /** Koha: $1 lost, $7 not for loan (non-zero), $q due date while on loan. */
    private static HoldingStatus kohaStatus(DataField item) {
        if (first(item, '1').filter(v -> !v.equals("0")).isPresent()) {
            return HoldingStatus.LOST;
        }
        if (first(item, '7').filter(v -> !v.equals("0")).isPresent()) {
            return HoldingStatus.NOT_FOR_LOAN;
        }
        return first(item, 'q').isPresent() ? HoldingStatus.ON_LOAN : HoldingStatus.AVAILABLE;
    }
}
