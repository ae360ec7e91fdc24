package org.tongjie.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.tongjie.catalog.MarcProfile;

/**
 * The record edits a corpus is made of: a distinct edition derived from a real record, and a member's copy
 * of an edition as its own cataloguers and library system would have written it.
 */
final class CorpusRecords {
    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    private CorpusRecords() {}

    /** A deep copy, so edits to it never reach the template. */
    static Record copy(Record source) {
        Record copy = FACTORY.newRecord(source.getLeader().marshal());
        for (ControlField f : source.getControlFields()) {
            copy.addVariableField(FACTORY.newControlField(f.getTag(), f.getData()));
        }
        for (DataField f : source.getDataFields()) {
            DataField d = FACTORY.newDataField(f.getTag(), f.getIndicator1(), f.getIndicator2());
            for (Subfield s : f.getSubfields()) {
                d.addSubfield(FACTORY.newSubfield(s.getCode(), s.getData()));
            }
            copy.addVariableField(d);
        }
        return copy;
    }

    /**
     * Another edition of the template's work: a new ISBN (or ISSN for a serial) that no real record has, a
     * subtitle and an edition statement of its own, and none of the template's system numbers or alternative
     * titles, so by the hub's rules it can join neither the template nor any other edition (a subtitle alone
     * no longer keeps two records apart: the matcher compares subtitles leniently).
     */
    static Record derivedEdition(Record template, MarcProfile profile, boolean serial, String identifier, String subtitle) {
        Record r = copy(template);
        boolean marc21 = profile == MarcProfile.MARC21;
        removeTags(r, marc21 ? List.of("010", "015", "016", "019", "020", "022", "035", "130", "240", "246")
                : List.of("010", "011", "020", "035", "500", "510", "517"));
        removeIf(r, f -> f.getTag().equals("880") && f instanceof DataField d && d.getSubfield('6') != null
                && List.of("130", "240", "246").contains(prefix(d.getSubfield('6').getData())));
        String idTag = marc21 ? (serial ? "022" : "020") : (serial ? "011" : "010");
        DataField id = FACTORY.newDataField(idTag, ' ', ' ');
        id.addSubfield(FACTORY.newSubfield('a', identifier));
        r.addVariableField(id);
        removeTags(r, List.of(marc21 ? "250" : "205"));
        DataField edition = FACTORY.newDataField(marc21 ? "250" : "205", ' ', ' ');
        // A numbered statement the matcher reads (2nd to 901st), drawn from the identifier so runs agree.
        edition.addSubfield(FACTORY.newSubfield('a', "Edition " + (2 + Math.floorMod(identifier.hashCode(), 900))));
        r.addVariableField(edition);
        for (DataField title : r.getDataFields()) {
            boolean titleField = marc21 ? title.getTag().equals("245")
                    || (title.getTag().equals("880") && title.getSubfield('6') != null && prefix(title.getSubfield('6').getData()).equals("245"))
                    : title.getTag().equals("200");
            if (titleField) {
                char code = marc21 ? 'b' : 'e';
                title.getSubfields().stream().filter(s -> s.getCode() == code || (!marc21 && s.getCode() == 'd')).toList()
                        .forEach(title::removeSubfield);
                int at = title.getSubfields().indexOf(title.getSubfield('a')) + 1;
                title.addSubfield(Math.max(at, 0), FACTORY.newSubfield(code, subtitle));
            }
        }
        return r;
    }

    /**
     * A member's copy: its own 001/003 and 035, its items in its system's tags, and with the given chances
     * the habits that make two libraries' records of one book differ: ISBD punctuation left off, a title in
     * other case, notes, subjects or the extent missing, an ISBN written with hyphens and a binding.
     */
    static Record memberCopy(Record edition, MarcProfile profile, CorpusMember member, String localId,
            List<String[]> items, SplittableRandom random) {
        Record r = copy(edition);
        boolean marc21 = profile == MarcProfile.MARC21;
        removeTags(r, List.of("001", "003", "005", "852", "905", "949", "952", "999"));
        r.addVariableField(FACTORY.newControlField("001", localId));
        r.addVariableField(FACTORY.newControlField("003", member.code()));
        DataField own = FACTORY.newDataField("035", ' ', ' ');
        own.addSubfield(FACTORY.newSubfield('a', "(" + member.code() + ")" + localId));
        r.addVariableField(own);
        if (random.nextDouble() < 0.35) {
            r.getDataFields().stream().filter(f -> f.getTag().equals(marc21 ? "245" : "200"))
                    .forEach(f -> f.getSubfields().forEach(s -> s.setData(s.getData().replaceAll("\\s*[/:;=.,]\\s*$", ""))));
        }
        if (random.nextDouble() < 0.15) {
            r.getDataFields().stream().filter(f -> f.getTag().equals(marc21 ? "245" : "200")).map(f -> f.getSubfield('a'))
                    .filter(s -> s != null).forEach(s -> s.setData(s.getData().toUpperCase(Locale.ROOT)));
        }
        if (random.nextDouble() < 0.25) {
            removeIf(r, f -> marc21 ? f.getTag().startsWith("5") : f.getTag().startsWith("3"));
        }
        if (random.nextDouble() < 0.15) {
            removeIf(r, f -> f.getTag().compareTo("600") >= 0 && f.getTag().compareTo(marc21 ? "660" : "609") < 0);
        }
        if (random.nextDouble() < 0.10) {
            removeTags(r, List.of(marc21 ? "300" : "215"));
        }
        if (random.nextDouble() < 0.30) {
            r.getDataFields().stream().filter(f -> f.getTag().equals(marc21 ? "020" : "010")).map(f -> f.getSubfield('a'))
                    .filter(s -> s != null && s.getData().matches("\\d{12}[\\dXx]"))
                    .forEach(s -> s.setData(s.getData().substring(0, 3) + "-" + s.getData().substring(3, 12) + "-"
                            + s.getData().substring(12) + (marc21 ? " (pbk.)" : " (平装)")));
        }
        addItems(r, profile, member.style(), items);
        if (marc21) {
            char[] leader = r.getLeader().marshal().toCharArray();
            leader[9] = 'a'; // written out as UTF-8
            r.setLeader(FACTORY.newLeader(new String(leader)));
        }
        return r;
    }

    /** Each item is {servicePoint, location, callNumber, barcode, loanType}. */
    private static void addItems(Record r, MarcProfile profile, CorpusMember.ItemStyle style, List<String[]> items) {
        for (String[] item : items) {
            DataField f;
            if (style == CorpusMember.ItemStyle.STANDARD_852) {
                f = FACTORY.newDataField("852", ' ', ' ');
                add(f, 'b', item[0], 'c', item[1], 'h', item[2], 'p', item[3]);
            } else if (style == CorpusMember.ItemStyle.LOCAL_905 || profile == MarcProfile.UNIMARC) {
                f = FACTORY.newDataField("905", ' ', ' ');
                String[] call = item[2].split("/", 2);
                add(f, 'a', item[0], 'b', item[3], 'c', item[1], 'd', call[0], 'e', call.length > 1 ? call[1] : "");
            } else {
                f = FACTORY.newDataField("952", ' ', ' ');
                add(f, 'a', item[0], 'b', item[0], 'c', item[1], 'o', item[2], 'p', item[3], 'y', item[4]);
            }
            r.addVariableField(f);
        }
    }

    private static void add(DataField f, Object... codesAndValues) {
        for (int i = 0; i < codesAndValues.length; i += 2) {
            String value = (String) codesAndValues[i + 1];
            if (!value.isEmpty()) {
                f.addSubfield(FACTORY.newSubfield((Character) codesAndValues[i], value));
            }
        }
    }

    private static String prefix(String linkage) {
        return linkage.length() >= 3 ? linkage.substring(0, 3) : linkage;
    }

    private static void removeTags(Record r, List<String> tags) {
        removeIf(r, f -> tags.contains(f.getTag()));
    }

    private static void removeIf(Record r, Predicate<VariableField> which) {
        r.getVariableFields().stream().filter(which).toList().forEach(r::removeVariableField);
    }
}
