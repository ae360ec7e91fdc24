package org.tongjie.indexer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

/**
 * The order of an ISO 2709 record's data fields as its directory lists them. marc4j hands the fields over in
 * the order of their data offsets; a record whose directory is not in that order (marc4j's own
 * unordered-directory-entries.mrc, real exports) is written by YAZ in directory order, and so by us.
 */
record DirectoryOrder(List<Entry> entries) {
    private static final int LEADER = 24;
    private static final int ENTRY = 12;
    private static final byte FIELD_TERMINATOR = 0x1E;

    /** A data field's directory entry: its place in the directory and its data offset. */
    record Entry(String tag, int place, int offset) {}

    /** The data-field entries of the directory; none when the directory does not read. */
    static DirectoryOrder of(byte[] raw) {
        var entries = new ArrayList<Entry>();
        for (int at = LEADER, place = 0; at + ENTRY <= raw.length && raw[at] != FIELD_TERMINATOR; at += ENTRY, place++) {
            String entry = new String(raw, at, ENTRY, StandardCharsets.ISO_8859_1);
            if (!entry.substring(7).chars().allMatch(Character::isDigit)) {
                return new DirectoryOrder(List.of());
            }
            String tag = entry.substring(0, 3);
            if (!tag.startsWith("00")) {
                entries.add(new Entry(tag, place, Integer.parseInt(entry.substring(7))));
            }
        }
        return new DirectoryOrder(entries);
    }

    /**
     * Puts the record's data fields in directory order: the n-th field of a tag in marc4j's (offset) order is
     * the entry of that tag with the n-th smallest offset. A record marc4j repaired (its fields no longer
     * match the directory tag for tag) keeps marc4j's order.
     */
    void reorder(Record record) {
        Map<String, List<DataField>> byTag = new HashMap<>();
        for (DataField field : record.getDataFields()) {
            byTag.computeIfAbsent(field.getTag(), t -> new ArrayList<>()).add(field);
        }
        Map<String, List<Entry>> entriesByTag = new HashMap<>();
        entries.stream().sorted(Comparator.comparingInt(Entry::offset))
                .forEach(e -> entriesByTag.computeIfAbsent(e.tag(), t -> new ArrayList<>()).add(e));
        if (entries.size() != record.getDataFields().size() || !sameCounts(byTag, entriesByTag)) {
            return;
        }
        var ordered = new DataField[entries.size()];
        var placeInOrder = new HashMap<Integer, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            placeInOrder.put(entries.get(i).place(), i);
        }
        entriesByTag.forEach((tag, sameTag) -> {
            for (int n = 0; n < sameTag.size(); n++) {
                ordered[placeInOrder.get(sameTag.get(n).place())] = byTag.get(tag).get(n);
            }
        });
        List.copyOf(record.getDataFields()).forEach(record::removeVariableField);
        for (DataField field : ordered) {
            record.addVariableField(field);
        }
    }

    private static boolean sameCounts(Map<String, List<DataField>> fields, Map<String, List<Entry>> entries) {
        return fields.keySet().equals(entries.keySet())
                && fields.entrySet().stream().allMatch(e -> e.getValue().size() == entries.get(e.getKey()).size());
    }
}
