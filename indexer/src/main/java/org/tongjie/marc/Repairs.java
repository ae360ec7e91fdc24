package org.tongjie.marc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marc4j.MarcError;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * What the lenient reading changed in a record, each as a sentence a member's cataloguer can act on in
 * its own system: the leader's character set coding overruled by the bytes, the repairs marc4j's
 * permissive reader made (leader, directory, control characters), and subfield codes written in upper
 * case ({@code $A}), which MARC21 does not define: they are read as lower case, so the title in 245 $A is
 * not lost. UNIMARC keeps them: CNMARC puts a title's pinyin in 200 $A.
 */
final class Repairs {
    private Repairs() {}

    static MarcEntry.Parsed applied(MarcEntry.Parsed parsed) {
        var repairs = new ArrayList<>(parsed.repairs());
        Record record = parsed.record();
        if (record.hasErrors()) {
            for (MarcError e : record.getErrors()) {
                if (e.severity <= MarcError.MINOR_ERROR) {
                    repairs.add("repaired while reading" + where(e) + ": " + e.message);
                }
            }
        }
        if (Normalizer.detectProfile(record) == org.tongjie.catalog.MarcProfile.MARC21) {
            repairs.addAll(lowerCaseSubfieldCodes(record));
        }
        return repairs.equals(parsed.repairs()) ? parsed
                : new MarcEntry.Parsed(parsed.position(), parsed.syntax(), parsed.raw(), record, parsed.encoding(), repairs);
    }

    private static String where(MarcError e) {
        return e.curField == null || e.curField.isBlank() || e.curField.equals("n/a") ? "" : " (field " + e.curField + ")";
    }

    private static List<String> lowerCaseSubfieldCodes(Record record) {
        var repairs = new ArrayList<String>();
        for (DataField f : record.getDataFields()) {
            for (Subfield s : f.getSubfields()) {
                char code = s.getCode();
                if (Character.isUpperCase(code)) {
                    char lower = Character.toLowerCase(code);
                    s.setCode(lower);
                    repairs.add(String.format(Locale.ROOT, "subfield code $%c in field %s read as $%c (MARC21 defines lower-case codes only)",
                            code, f.getTag(), lower));
                }
            }
        }
        return repairs;
    }

    /** The repair of the character set: leader/09 (or UNIMARC 100 $a) said one thing, the bytes another. */
    static List<String> charset(byte[] raw, Charsets.Decision decision) {
        boolean claimsUtf8 = raw.length > 9 && raw[9] == 'a';
        boolean utf8 = decision.encoding().charset().equals("UTF-8");
        boolean ascii = decision.encoding().evidence().startsWith("only ASCII");
        if (ascii || claimsUtf8 == utf8) {
            return List.of();
        }
        return List.of("leader/09 " + (claimsUtf8 ? "says UTF-8" : "does not say UTF-8") + " but the bytes were read as "
                + decision.encoding().charset() + " (" + decision.encoding().evidence() + "); set leader/09 to match the data");
    }
}
