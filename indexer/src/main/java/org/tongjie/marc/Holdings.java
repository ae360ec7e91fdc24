package org.tongjie.marc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.HoldingsMapping.Part;
import org.tongjie.catalog.MarcProfile;

/** Items read from a record by the member's holdings mapping, or by its profile's default. */
final class Holdings {
    private Holdings() {}

    static HoldingsMapping defaultFor(MarcProfile profile) {
        return profile == MarcProfile.MARC21 ? HoldingsMapping.MARC21_DEFAULT : HoldingsMapping.UNIMARC_DEFAULT;
    }

    static List<Holding> read(HoldingsMapping mapping, String libraryId, Record record) {
        var out = new ArrayList<Holding>();
        for (HoldingsMapping.Rule rule : mapping.rules()) {
            for (DataField f : MarcFields.data(record, rule.tag())) {
                out.add(new Holding(libraryId,
                        value(f, rule, Part.servicePoint).orElse(libraryId),
                        value(f, rule, Part.location),
                        value(f, rule, Part.collection),
                        value(f, rule, Part.callNumber),
                        value(f, rule, Part.barcode),
                        status(f, rule),
                        value(f, rule, Part.loanType)));
            }
        }
        return out;
    }

    /**
     * A rule that names status subfields decides the status from them (lost, then not for loan, then on
     * loan, else available); a rule that names none cannot know, so the status is unknown.
     */
    private static HoldingStatus status(DataField f, HoldingsMapping.Rule rule) {
        boolean knowsStatus = rule.parts().containsKey(Part.lost) || rule.parts().containsKey(Part.notForLoan)
                || rule.parts().containsKey(Part.onLoan);
        if (!knowsStatus) {
            return HoldingStatus.UNKNOWN;
        }
        if (flagged(f, rule, Part.lost)) {
            return HoldingStatus.LOST;
        }
        if (flagged(f, rule, Part.notForLoan)) {
            return HoldingStatus.NOT_FOR_LOAN;
        }
        return flagged(f, rule, Part.onLoan) ? HoldingStatus.ON_LOAN : HoldingStatus.AVAILABLE;
    }

    private static boolean flagged(DataField f, HoldingsMapping.Rule rule, Part part) {
        return value(f, rule, part).filter(v -> !v.equals("0")).isPresent();
    }

    /** {@code b,a}: the first present; {@code d/e}: joined with "/"; {@code hi}: joined with a space. */
    private static Optional<String> value(DataField f, HoldingsMapping.Rule rule, Part part) {
        String codes = rule.parts().get(part);
        if (codes == null) {
            return Optional.empty();
        }
        if (codes.contains(",")) {
            for (String code : codes.split(",")) {
                Optional<String> v = MarcFields.first(f, code.charAt(0));
                if (v.isPresent()) {
                    return v;
                }
            }
            return Optional.empty();
        }
        String joiner = codes.contains("/") ? "/" : " ";
        String wanted = codes.replace("/", "");
        var parts = new ArrayList<String>();
        for (Subfield s : f.getSubfields()) {
            if (wanted.indexOf(s.getCode()) >= 0 && !s.getData().isBlank()) {
                parts.add(s.getData().strip());
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(joiner, parts));
    }
}
