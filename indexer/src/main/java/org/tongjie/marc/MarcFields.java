package org.tongjie.marc;

import java.util.List;
import java.util.Optional;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/** Small, null-free reads over marc4j's record model. */
final class MarcFields {
    /** ISBD punctuation and white space a cataloguer leaves at the end of a value (" /", " :", ","). */
    private static final String TRAILING_PUNCTUATION = " \t\n\u000B\f\r/:;,=.";

    private MarcFields() {}

    static Optional<String> control(Record record, String tag) {
        return record.getControlFields().stream()
                .filter(f -> f.getTag().equals(tag))
                .map(ControlField::getData)
                .filter(d -> !d.isBlank())
                .findFirst();
    }

    static List<DataField> data(Record record, String tag) {
        return record.getDataFields().stream().filter(f -> f.getTag().equals(tag)).toList();
    }

    static Optional<String> first(DataField field, char code) {
        return field.getSubfields(code).stream().map(Subfield::getData).map(String::strip)
                .filter(s -> !s.isEmpty()).findFirst();
    }

    /**
     * Strips the ISBD punctuation that cataloguers put at the end of a subfield, and composes characters
     * (NFC): MARC-8 and ISO 5426 carry diacritics as separate combining marks, UTF-8 records mostly not,
     * and the same name must come out the same either way.
     */
    static Optional<String> tidy(String s) {
        String composed = java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
        String t = withoutTrailingPunctuation(composed);
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.isBlank() ? Optional.empty() : Optional.of(t.strip());
    }

    /** A loop rather than a regular expression: it runs on every value of every record. */
    private static String withoutTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
