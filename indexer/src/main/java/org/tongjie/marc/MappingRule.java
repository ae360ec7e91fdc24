package org.tongjie.marc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * One line of a mapping table: where a value comes from and under what condition. The source is a tag
 * with subfield codes ({@code 245$ab}), a 880 linked to a tag ({@code 880>245$ab}), or a character
 * range of a control field or of a fixed-length subfield ({@code 008/07-10}, {@code 100$a/09-12}).
 * {@code source} is that text as the table writes it, which every value it yields carries as provenance.
 */
record MappingRule(
        Target target,
        String source,
        String tag,
        Optional<String> linkedTag,
        String codes,
        Optional<int[]> range,
        boolean each,
        String separator,
        Optional<Character> ind1,
        Optional<Character> ind2,
        Optional<SubfieldEquals> when,
        Optional<CharAt> charAt,
        int line) {

    /** A condition such as {@code $2=clc}: the field has subfield 2 equal to "clc", ignoring case. */
    record SubfieldEquals(char code, String value) {}

    /** A condition such as {@code /06=r}: character 6 of the control field or fixed-length subfield is 'r'. */
    record CharAt(int position, char value) {
        boolean holds(String data) {
            return data.length() > position && data.charAt(position) == value;
        }
    }

    /** A value with the rule source it came from, e.g. "880>245$a" — the record's provenance. */
    record Value(String text, String source) {}

    List<Value> extract(Map<String, List<VariableField>> fieldsByTag) {
        var out = new ArrayList<Value>();
        for (VariableField field : fieldsByTag.getOrDefault(tag, List.of())) {
            switch (field) {
                case ControlField c -> {
                    if (charAt.map(at -> at.holds(c.getData())).orElse(true)) {
                        sliced(c.getData()).ifPresent(v -> out.add(new Value(v, source())));
                    }
                }
                case DataField d -> {
                    if (applies(d)) {
                        extract(d, out);
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    private boolean applies(DataField f) {
        if (ind1.isPresent() && f.getIndicator1() != ind1.get()) {
            return false;
        }
        if (ind2.isPresent() && f.getIndicator2() != ind2.get()) {
            return false;
        }
        if (linkedTag.isPresent()) {
            Subfield link = f.getSubfield('6');
            if (link == null || !link.getData().startsWith(linkedTag.get())) {
                return false;
            }
        }
        return when.map(w -> f.getSubfields(w.code()).stream().anyMatch(s -> s.getData().strip().equalsIgnoreCase(w.value())))
                .orElse(true);
    }

    private void extract(DataField f, List<Value> out) {
        var joined = new StringBuilder();
        for (Subfield s : f.getSubfields()) {
            if (codes.indexOf(s.getCode()) < 0 || !charAt.map(at -> at.holds(s.getData())).orElse(true)) {
                continue;
            }
            Optional<String> data = range.isPresent() ? sliced(s.getData()) : MarcFields.tidy(s.getData());
            if (data.isEmpty()) {
                continue;
            }
            if (each) {
                out.add(new Value(data.get(), source()));
            } else {
                if (!joined.isEmpty()) {
                    joined.append(separatorBefore(s.getCode()));
                }
                joined.append(data.get());
            }
        }
        if (!joined.isEmpty()) {
            MarcFields.tidy(joined.toString()).ifPresent(v -> out.add(new Value(v, source())));
        }
    }

    /** Subject subdivisions ($v $x $y $z) follow a " -- "; other subfields a space or the rule's separator. */
    private String separatorBefore(char code) {
        if (separator.equals(SUBDIVISIONS)) {
            return "vxyz".indexOf(code) >= 0 ? SUBDIVISIONS : " ";
        }
        return separator;
    }

    static final String SUBDIVISIONS = " -- ";

    private Optional<String> sliced(String data) {
        if (range.isEmpty()) {
            return MarcFields.tidy(data);
        }
        int from = range.get()[0];
        int to = range.get()[1];
        if (data.length() <= to) {
            return Optional.empty();
        }
        String s = data.substring(from, to + 1).strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
