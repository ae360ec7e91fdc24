package org.tongjie.index.lucene;

import org.tongjie.search.Facet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Classification;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.UnionRecord;

/** What each union record contributes to the facets, and the labels of coded values. */
final class FacetFields {
    static final FacetsConfig CONFIG = config();
    private static final Pattern LC_CLASS = Pattern.compile("^([A-Z]{1,3})\\d");
    private static final Pattern DDC_CLASS = Pattern.compile("^(\\d)\\d\\d");
    private static final Map<String, String> CLC_LABELS = loadLabels("clc-classes.txt");
    private static final Map<String, String> CLC_SUB_LABELS = loadLabels("clc-subclasses.txt");
    private static final int LONGEST_SUBCLASS = CLC_SUB_LABELS.keySet().stream().mapToInt(String::length).max().orElse(2);
    private static final Pattern CLC_LEAD = Pattern.compile("^[A-Z]+\\d*");

    private FacetFields() {}

    private static FacetsConfig config() {
        var config = new FacetsConfig();
        for (Facet f : Facet.values()) {
            config.setMultiValued(f.dim(), true);
        }
        return config;
    }

    /**
     * Library, kind and availability come from every holder; format, year and language from the record
     * that describes the union record; classes from every source, since each library classifies in its
     * own scheme (a CNMARC record brings CLC, a MARC21 one LC or Dewey).
     */
    static void addTo(Document doc, UnionRecord union, List<BibRecord> sources, Set<LibraryKind> holderKinds) {
        BibRecord r = union.description();
        add(doc, Facet.LIBRARY, Set.copyOf(union.libraries()));
        add(doc, Facet.KIND, holderKinds.stream().map(Enum::name).collect(Collectors.toSet()));
        boolean available = union.holdings().stream().anyMatch(h -> h.status() == HoldingStatus.AVAILABLE);
        add(doc, Facet.AVAILABLE, Set.of(available ? "yes" : "no"));
        add(doc, Facet.FORMAT, Set.of(r.format().name()));
        r.language().ifPresent(l -> add(doc, Facet.LANGUAGE, Set.of(l)));
        r.year().ifPresent(y -> add(doc, Facet.DECADE, Set.of((y / 10 * 10) + "-" + (y / 10 * 10 + 9))));
        add(doc, Facet.CLC, classes(sources, c -> c.clc(), FacetFields::topClc));
        add(doc, Facet.CLC_SUB, classes(sources, c -> c.clc(), FacetFields::clcSubclass));
        add(doc, Facet.LCC, classes(sources, c -> c.lc(), c -> first(LC_CLASS, c)));
        add(doc, Facet.DDC, classes(sources, c -> c.dewey(), c -> first(DDC_CLASS, c).map(d -> d + "00")));
    }

    private static void add(Document doc, Facet facet, Set<String> values) {
        for (String v : values) {
            if (!v.isBlank()) {
                doc.add(new SortedSetDocValuesFacetField(facet.dim(), IndexKeys.exact(v)));
            }
        }
    }

    private static Set<String> classes(List<BibRecord> sources, Function<Classification, List<String>> scheme,
            Function<String, Optional<String>> top) {
        var out = new LinkedHashSet<String>();
        for (BibRecord source : sources) {
            scheme.apply(source.classification()).forEach(n -> top.apply(n.strip().toUpperCase(Locale.ROOT)).ifPresent(out::add));
        }
        return out;
    }

    private static Optional<String> topClc(String number) {
        return number.isEmpty() || !CLC_LABELS.containsKey(number.substring(0, 1))
                ? Optional.empty() : Optional.of(number.substring(0, 1));
    }

    /**
     * The longest listed subclass the number begins with (B842 → B84, I247.5 → I2, TP312 → TP); else the top
     * class and the first digit, unlabelled.
     */
    static Optional<String> clcSubclass(String number) {
        if (topClc(number).isEmpty()) {
            return Optional.empty();
        }
        var lead = CLC_LEAD.matcher(number);
        String head = lead.find() ? lead.group() : number.substring(0, 1);
        for (int end = Math.min(head.length(), LONGEST_SUBCLASS); end >= 2; end--) {
            if (CLC_SUB_LABELS.containsKey(head.substring(0, end))) {
                return Optional.of(head.substring(0, end));
            }
        }
        return head.length() >= 2 ? Optional.of(head.substring(0, 2)) : Optional.empty();
    }

    private static Optional<String> first(Pattern p, String s) {
        var m = p.matcher(s);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> label(Facet facet, String value) {
        return switch (facet) {
            case CLC -> Optional.ofNullable(CLC_LABELS.get(value));
            case CLC_SUB -> Optional.ofNullable(CLC_SUB_LABELS.get(value));
            case KIND -> Optional.of(switch (LibraryKind.valueOf(value)) {
                case CENTRAL -> "总馆";
                case BRANCH -> "分馆";
                case KIOSK_24H -> "24小时自助图书馆";
                case SMART_LOCKER -> "智能书柜";
                case CIRCULATION_POINT -> "流通点";
                case MOBILE_VAN -> "流动图书车";
            });
            case AVAILABLE -> Optional.of(value.equals("yes") ? "在架可借" : "暂不可借");
            default -> Optional.empty();
        };
    }

    /** Lines of a class, a tab and its label; # starts a comment. */
    private static Map<String, String> loadLabels(String resource) {
        var labels = new TreeMap<String, String>();
        try (var in = FacetFields.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> {
                        String[] parts = l.split("\t", 2);
                        if (parts.length != 2 || parts[1].isBlank()) {
                            throw new IllegalStateException(resource + ": need a class, a tab and a label: " + l);
                        }
                        labels.put(parts[0].strip(), parts[1].strip());
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }
}
