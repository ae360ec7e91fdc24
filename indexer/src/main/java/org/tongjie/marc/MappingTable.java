package org.tongjie.marc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;

/**
 * A profile's mapping as a table of rules, one per line, read from {@code <profile>.rules} beside this
 * class and checked when loaded: a bad line stops the hub at start with the file and line named.
 *
 * <pre>
 * target   source          options
 * title    245$ab
 * title    880&gt;245$ab     (the vernacular script of 245, from a 880 whose $6 links it)
 * year     008/07-10       (characters 7 to 10 of the control field)
 * year     100$a/09-12     (characters 9 to 12 of a fixed-length subfield)
 * clc      084$a           $2=clc   (only where the field's $2 is "clc")
 * subject  650$axyz        sep=--   (subdivisions $v $x $y $z after " -- ")
 * author   700$ab          sep=,    (subfields joined with ", ")
 * isbn     020$a           each     (each subfield its own value)
 * year     264$c           ind2=1   (indicator 2 must be '1'; '_' stands for blank)
 * original_year 008/11-14  /06=r   (only where character 6 of the field, or subfield, is 'r')
 * </pre>
 *
 * Rules for the same target apply in table order; for single-valued targets the first usable value wins.
 */
final class MappingTable {
    private static final Pattern SOURCE = Pattern.compile(
            "(?<tag>[0-9A-Za-z]{3})(?:>(?<linked>[0-9]{3}))?(?:\\$(?<codes>[0-9A-Za-z]+))?(?:/(?<from>\\d{2})-(?<to>\\d{2}))?");

    private final Map<Target, List<MappingRule>> rules;

    private MappingTable(Map<Target, List<MappingRule>> rules) {
        this.rules = rules;
    }

    static MappingTable load(String resource) {
        try (InputStream in = MappingTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mapping table " + resource + " is missing from the build");
            }
            return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping table " + resource, e);
        }
    }

    static MappingTable parse(String name, List<String> lines) {
        var rules = new EnumMap<Target, List<MappingRule>>(Target.class);
        var errors = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                MappingRule rule = parseRule(line, i + 1);
                rules.computeIfAbsent(rule.target(), t -> new ArrayList<>()).add(rule);
            } catch (IllegalArgumentException e) {
                errors.add(name + " line " + (i + 1) + ": " + e.getMessage() + " in '" + line + "'");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("bad mapping table:\n" + String.join("\n", errors));
        }
        return new MappingTable(rules);
    }

    private static MappingRule parseRule(String line, int lineNumber) {
        String[] tokens = line.split("\\s+");
        if (tokens.length < 2) {
            throw new IllegalArgumentException("a rule needs a target and a source");
        }
        Target target = target(tokens[0]);
        Matcher m = SOURCE.matcher(tokens[1]);
        if (!m.matches()) {
            throw new IllegalArgumentException("source '" + tokens[1] + "' is not TAG$codes, TAG>TAG$codes or TAG/NN-NN");
        }
        String tag = m.group("tag");
        String codes = Optional.ofNullable(m.group("codes")).orElse("");
        Optional<int[]> range = m.group("from") == null ? Optional.empty()
                : Optional.of(new int[] {Integer.parseInt(m.group("from")), Integer.parseInt(m.group("to"))});
        boolean control = tag.startsWith("00");
        if (control && !codes.isEmpty()) {
            throw new IllegalArgumentException("control field " + tag + " has no subfields");
        }
        if (!control && codes.isEmpty()) {
            throw new IllegalArgumentException("data field " + tag + " needs subfield codes");
        }
        if (range.isPresent() && range.get()[0] > range.get()[1]) {
            throw new IllegalArgumentException("character range runs backwards");
        }
        if (m.group("linked") != null && !tag.equals("880")) {
            throw new IllegalArgumentException("only 880 links to another tag");
        }
        var options = new Options();
        for (int t = 2; t < tokens.length; t++) {
            options.add(tokens[t]);
        }
        return new MappingRule(target, tokens[1], tag, Optional.ofNullable(m.group("linked")), codes, range, options.each,
                options.separator, options.ind1, options.ind2, options.when, options.charAt, lineNumber);
    }

    private static Target target(String token) {
        try {
            return Target.valueOf(token.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown target '" + token + "'");
        }
    }

    private static final class Options {
        boolean each;
        String separator = " ";
        Optional<Character> ind1 = Optional.empty();
        Optional<Character> ind2 = Optional.empty();
        Optional<MappingRule.SubfieldEquals> when = Optional.empty();
        Optional<MappingRule.CharAt> charAt = Optional.empty();

        void add(String token) {
            if (token.equals("each")) {
                each = true;
            } else if (token.equals("sep=--")) {
                separator = MappingRule.SUBDIVISIONS;
            } else if (token.equals("sep=,")) {
                separator = ", ";
            } else if (token.matches("ind[12]=.")) {
                Optional<Character> value = Optional.of(token.charAt(5) == '_' ? ' ' : token.charAt(5));
                if (token.charAt(3) == '1') {
                    ind1 = value;
                } else {
                    ind2 = value;
                }
            } else if (token.matches("/\\d{2}=.")) {
                charAt = Optional.of(new MappingRule.CharAt(Integer.parseInt(token.substring(1, 3)), token.charAt(4)));
            } else if (token.matches("\\$[0-9a-zA-Z]=.+")) {
                when = Optional.of(new MappingRule.SubfieldEquals(token.charAt(1), token.substring(3)));
            } else {
                throw new IllegalArgumentException("unknown option '" + token + "'");
            }
        }
    }


    List<MappingRule> rules(Target target) {
        return rules.getOrDefault(target, List.of());
    }

    /** Every value every rule of the target yields, in table order. */
    List<MappingRule.Value> all(Target target, Map<String, List<VariableField>> fieldsByTag) {
        var out = new ArrayList<MappingRule.Value>();
        for (MappingRule rule : rules(target)) {
            out.addAll(rule.extract(fieldsByTag));
        }
        return out;
    }

    /** The record's fields grouped by tag, built once per record: rules look their tag up by the dozen. */
    static Map<String, List<VariableField>> fieldsByTag(Record record) {
        var byTag = new HashMap<String, List<VariableField>>();
        for (VariableField f : record.getVariableFields()) {
            byTag.computeIfAbsent(f.getTag(), t -> new ArrayList<>(2)).add(f);
        }
        return byTag;
    }
}
