package org.tongjie.marc;

import static org.tongjie.marc.Marc21Mapping.concat;
import static org.tongjie.marc.MarcFields.all;
import static org.tongjie.marc.MarcFields.data;
import static org.tongjie.marc.MarcFields.distinct;
import static org.tongjie.marc.MarcFields.first;
import static org.tongjie.marc.MarcFields.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Classification;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.catalog.MarcProfile;

/**
 * The part of UNIMARC/CNMARC the skeleton needs: 010 ISBN, 011 ISSN, 100 dates, 101 language, 200 title,
 * 205 edition, 210 publication, 606 subjects, 690 CLC, 676/680 Dewey/LC, 700-712 names, 905 and 852
 * holdings. The full CNMARC profile is its own issue.
 */
final class UnimarcMapping {
    private UnimarcMapping() {}

    static BibRecord map(String id, String libraryId, String localId, Record r) {
        return new BibRecord(id, libraryId, localId, MarcProfile.UNIMARC,
                distinct(concat(all(r, "200", "aehi"), all(r, "510", "a"), all(r, "517", "a"))),
                distinct(concat(names(r, "700"), names(r, "701"), names(r, "702"), all(r, "710", "ab"),
                        all(r, "711", "ab"), all(r, "712", "ab"), authorsFromStatement(r))),
                distinct(values(r, "010", 'a').stream().map(Isbns::toIsbn13).flatMap(Optional::stream).toList()),
                distinct(values(r, "011", 'a').stream().map(Isbns::toIssn).flatMap(Optional::stream).toList()),
                concat(values(r, "210", 'c'), values(r, "214", 'c')).stream().findFirst(),
                year(r),
                values(r, "205", 'a').stream().findFirst(),
                values(r, "101", 'a').stream().findFirst(),
                Formats.fromLeader(r.getLeader().toString(), MarcProfile.UNIMARC),
                distinct(concat(all(r, "600", "abxyz"), all(r, "606", "axyz"), all(r, "607", "axyz"))),
                new Classification(values(r, "680", 'a'), values(r, "676", 'a'), values(r, "690", 'a')),
                holdings(libraryId, r));
    }

    /** UNIMARC personal names put the entry element in $a and the rest of the name in $b. */
    private static List<String> names(Record r, String tag) {
        var out = new ArrayList<String>();
        for (DataField f : data(r, tag)) {
            Optional<String> a = first(f, 'a');
            Optional<String> b = first(f, 'b');
            a.map(s -> b.map(rest -> s + ", " + rest).orElse(s)).flatMap(MarcFields::tidy).ifPresent(out::add);
        }
        return out;
    }

    /** Records without 7XX access points still name their authors in 200$f. */
    private static List<String> authorsFromStatement(Record r) {
        boolean hasAccessPoints = !data(r, "700").isEmpty() || !data(r, "701").isEmpty();
        return hasAccessPoints ? List.of() : values(r, "200", 'f');
    }

    private static OptionalInt year(Record r) {
        OptionalInt fromCoded = values(r, "100", 'a').stream().filter(a -> a.length() >= 13)
                .map(a -> Years.parse(a.substring(9, 13))).filter(OptionalInt::isPresent).findFirst()
                .orElse(OptionalInt.empty());
        return fromCoded.isPresent() ? fromCoded : Years.firstIn(concat(values(r, "210", 'd'), values(r, "214", 'd')));
    }

    /** CNMARC 905: $a holding library, $b barcode, $c location, $d class number, $e book number. */
    private static List<Holding> holdings(String libraryId, Record r) {
        var out = new ArrayList<Holding>();
        for (DataField f : data(r, "905")) {
            Optional<String> callNumber = first(f, 'd').map(d -> first(f, 'e').map(e -> d + "/" + e).orElse(d));
            out.add(new Holding(libraryId, first(f, 'a').orElse(libraryId), first(f, 'c'), callNumber,
                    first(f, 'b'), HoldingStatus.AVAILABLE));
        }
        for (DataField f : data(r, "852")) {
            out.add(new Holding(libraryId, first(f, 'b').orElse(libraryId), first(f, 'c'),
                    MarcFields.joined(f, "hi"), first(f, 'p'), HoldingStatus.UNKNOWN));
        }
        return out;
    }
}
