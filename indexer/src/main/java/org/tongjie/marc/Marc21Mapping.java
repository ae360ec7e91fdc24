package org.tongjie.marc;

import static org.tongjie.marc.MarcFields.all;
import static org.tongjie.marc.MarcFields.control;
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

/** MARC21 bibliographic fields to a {@link BibRecord}; the vernacular script in linked 880s is kept too. */
final class Marc21Mapping {
    private Marc21Mapping() {}

    static BibRecord map(String id, String libraryId, String localId, Record r) {
        Optional<String> fixed = control(r, "008");
        return new BibRecord(id, libraryId, localId, MarcProfile.MARC21,
                distinct(concat(all(r, "245", "abnp"), linked(r, "245", "abnp"), all(r, "246", "ab"),
                        all(r, "240", "a"), all(r, "130", "a"))),
                distinct(concat(all(r, "100", "abcd"), all(r, "110", "ab"), all(r, "111", "a"),
                        linked(r, "100", "a"), all(r, "700", "abcd"), all(r, "710", "ab"), all(r, "711", "a"),
                        linked(r, "700", "a"))),
                distinct(values(r, "020", 'a').stream().map(Isbns::toIsbn13).flatMap(Optional::stream).toList()),
                distinct(values(r, "022", 'a').stream().map(Isbns::toIssn).flatMap(Optional::stream).toList()),
                publisher(r),
                year(r, fixed),
                all(r, "250", "a").stream().findFirst(),
                language(r, fixed),
                Formats.fromLeader(r.getLeader().toString(), MarcProfile.MARC21),
                distinct(concat(all(r, "600", "abcdtxyz"), all(r, "610", "abxyz"), all(r, "611", "axyz"),
                        all(r, "630", "axyz"), all(r, "650", "axyz"), all(r, "651", "axyz"))),
                new Classification(all(r, "050", "ab"), values(r, "082", 'a'), clc(r)),
                holdings(libraryId, r));
    }

    private static List<String> linked(Record r, String tag, String codes) {
        var out = new ArrayList<String>();
        for (DataField f : data(r, "880")) {
            if (first(f, '6').filter(link -> link.startsWith(tag)).isPresent()) {
                MarcFields.joined(f, codes).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<String> publisher(Record r) {
        for (DataField f : data(r, "264")) {
            if (f.getIndicator2() == '1') {
                return first(f, 'b').flatMap(MarcFields::tidy);
            }
        }
        return values(r, "260", 'b').stream().findFirst();
    }

    private static OptionalInt year(Record r, Optional<String> fixed) {
        OptionalInt fromFixed = fixed.filter(f -> f.length() >= 11).map(f -> Years.parse(f.substring(7, 11)))
                .orElse(OptionalInt.empty());
        if (fromFixed.isPresent()) {
            return fromFixed;
        }
        return Years.firstIn(concat(values(r, "264", 'c'), values(r, "260", 'c')));
    }

    private static Optional<String> language(Record r, Optional<String> fixed) {
        Optional<String> fromFixed = fixed.filter(f -> f.length() >= 38).map(f -> f.substring(35, 38))
                .filter(code -> code.chars().allMatch(Character::isLetter));
        return fromFixed.isPresent() ? fromFixed : values(r, "041", 'a').stream().findFirst();
    }

    /** MARC21 carries the Chinese Library Classification in 084 with $2 "clc". */
    private static List<String> clc(Record r) {
        var out = new ArrayList<String>();
        for (DataField f : data(r, "084")) {
            if (first(f, '2').filter(s -> s.equalsIgnoreCase("clc")).isPresent()) {
                first(f, 'a').ifPresent(out::add);
            }
        }
        return out;
    }

    /** Koha's 952 items and standard 852 locations. */
    private static List<Holding> holdings(String libraryId, Record r) {
        var out = new ArrayList<Holding>();
        for (DataField f : data(r, "952")) {
            out.add(new Holding(libraryId,
                    first(f, 'b').or(() -> first(f, 'a')).orElse(libraryId),
                    first(f, 'c'), first(f, 'o'), first(f, 'p'), kohaStatus(f)));
        }
        for (DataField f : data(r, "852")) {
            out.add(new Holding(libraryId, first(f, 'b').orElse(libraryId), first(f, 'c'),
                    MarcFields.joined(f, "hi"), first(f, 'p'), HoldingStatus.UNKNOWN));
        }
        return out;
    }

    private static HoldingStatus kohaStatus(DataField item) {
        if (first(item, '1').filter(v -> !v.equals("0")).isPresent()) {
            return HoldingStatus.LOST;
        }
        if (first(item, '7').filter(v -> !v.equals("0")).isPresent()) {
            return HoldingStatus.NOT_FOR_LOAN;
        }
        return first(item, 'q').isPresent() ? HoldingStatus.ON_LOAN : HoldingStatus.AVAILABLE;
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        var out = new ArrayList<String>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
