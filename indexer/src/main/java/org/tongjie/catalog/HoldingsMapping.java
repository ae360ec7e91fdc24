package org.tongjie.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a member's records carry their items: which tags, and which subfield holds each part of an item.
 * Library systems differ (Koha's 952, CNMARC's 905, standard 852, each with local habits), so this is a
 * per-member setting written as one line per tag, e.g.
 * <pre>952 servicePoint=b,a location=c collection=8 callNumber=o barcode=p loanType=y lost=1 notForLoan=7 onLoan=q</pre>
 * {@code b,a}: the first of $b or $a that is present; {@code d/e}: $d and $e joined with "/";
 * {@code hi}: $h and $i joined with a space. {@code lost}, {@code notForLoan}, {@code onLoan}: the item
 * has that status when the subfield is present and not "0".
 */
public record HoldingsMapping(List<Rule> rules) {
    public HoldingsMapping {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a holdings mapping needs at least one tag");
        }
    }

    /** Koha's 952 items, then standard 852 locations: the default for MARC21 members. */
    public static final HoldingsMapping MARC21_DEFAULT = parse("""
            952 servicePoint=b,a location=c collection=8 callNumber=o barcode=p loanType=y lost=1 notForLoan=7 onLoan=q
            852 servicePoint=b location=c callNumber=hi barcode=p""");

    /** CNMARC's 905 local holdings, then 852: the default for UNIMARC members. */
    public static final HoldingsMapping UNIMARC_DEFAULT = parse("""
            905 servicePoint=a location=c callNumber=d/e barcode=b
            852 servicePoint=b location=c callNumber=hi barcode=p""");

    /** The parts of an item a mapping can name. */
    public enum Part { servicePoint, location, collection, callNumber, barcode, loanType, lost, notForLoan, onLoan }

    /** How one tag's fields become items: for each part, the subfield codes and how they join. */
    public record Rule(String tag, Map<Part, String> parts) {
        public Rule {
            Objects.requireNonNull(tag, "tag");
            parts = Map.copyOf(parts);
        }
    }

    /**
     * Reads the spec; every mistake is reported at once with the line it is on.
     *
     * @throws IllegalArgumentException naming each bad line and why
     */
    public static HoldingsMapping parse(String spec) {
        var rules = new ArrayList<Rule>();
        var errors = new ArrayList<String>();
        String[] lines = spec.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                rules.add(parseRule(line));
            } catch (IllegalArgumentException e) {
                errors.add("line " + (i + 1) + " '" + line + "': " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("bad holdings mapping: " + String.join("; ", errors));
        }
        return new HoldingsMapping(rules);
    }

    private static Rule parseRule(String line) {
        String[] tokens = line.split("\\s+");
        if (!tokens[0].matches("[0-9]{3}") || tokens[0].startsWith("00")) {
            throw new IllegalArgumentException("'" + tokens[0] + "' is not a data field tag");
        }
        var parts = new LinkedHashMap<Part, String>();
        for (int t = 1; t < tokens.length; t++) {
            String[] kv = tokens[t].split("=", 2);
            if (kv.length != 2 || !kv[1].matches("[0-9a-zA-Z]([,/]?[0-9a-zA-Z])*")) {
                throw new IllegalArgumentException("'" + tokens[t] + "' is not part=subfields (e.g. barcode=p, callNumber=d/e)");
            }
            parts.put(part(kv[0]), kv[1]);
        }
        if (!parts.containsKey(Part.servicePoint) && !parts.containsKey(Part.barcode) && !parts.containsKey(Part.callNumber)) {
            throw new IllegalArgumentException("names none of servicePoint, barcode, callNumber");
        }
        return new Rule(tokens[0], parts);
    }

    private static Part part(String name) {
        try {
            return Part.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown part '" + name + "' (known: "
                    + Arrays.stream(Part.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** The spec this mapping reads from, one line per tag. */
    public String spec() {
        return rules.stream().map(r -> r.tag() + " " + Arrays.stream(Part.values())
                        .filter(r.parts()::containsKey).map(p -> p.name() + "=" + r.parts().get(p))
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
    }

}
