package org.tongjie.dedup;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an ISBN's qualifier says it names, as a kind: a file format ({@code pdf}, {@code epub}, {@code mobi}),
 * an e-book, a binding ({@code print}), a set, or one volume ({@code v:2}). One ISBN qualified as a PDF in
 * one record and as an EPUB or a paperback in another joins two products, not one edition.
 */
final class Qualifiers {
    static final String EBOOK = "ebook";
    static final String PRINT = "print";
    static final String SET = "set";
    static final Set<String> FILE_FORMATS = Set.of("pdf", "epub", "mobi");

    private static final List<Map.Entry<Pattern, String>> KINDS = List.of(
            kind("\\bpdf\\b", "pdf"),
            kind("\\bepub\\b", "epub"),
            kind("\\bmobi\\b|kindle", "mobi"),
            kind("e-?book|electronic|online|ebk|電子|电子", EBOOK),
            kind("pbk|paper|soft ?cover|hard ?cover|hardback|hbk|cloth|bdg|binding|平装|平裝|精装|精裝|alk", PRINT),
            kind("^set$|\\bset\\b|全套|套装|套裝", SET),
            kind("audio|sound|cassette|\\bcd\\b", "audio"));
    private static final Pattern VOLUME = Pattern.compile(
            "(?:\\bv\\.?|vol\\.?|volume|band|bd\\.|tome|\\bt\\.|part|pt\\.)\\s*(\\d+)|第?(\\d+)\\s*[册冊卷]", Pattern.CASE_INSENSITIVE);

    private Qualifiers() {}

    private static Map.Entry<Pattern, String> kind(String regex, String name) {
        return Map.entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), name);
    }

    /** Each ISBN with the kinds its qualifier words name; an ISBN with no qualifier has none. */
    static Map<String, Set<String>> kinds(Map<String, Set<String>> qualifiers) {
        var out = new HashMap<String, Set<String>>();
        qualifiers.forEach((isbn, words) -> {
            var kinds = new LinkedHashSet<String>();
            for (String w : words) {
                KINDS.stream().filter(k -> k.getKey().matcher(w).find()).forEach(k -> kinds.add(k.getValue()));
                var v = VOLUME.matcher(w);
                if (v.find()) {
                    kinds.add("v:" + (v.group(1) != null ? v.group(1) : v.group(2)));
                }
            }
            out.put(isbn, Set.copyOf(kinds));
        });
        return Map.copyOf(out);
    }

    static Set<String> fileFormats(Map<String, Set<String>> kinds) {
        return kinds.values().stream().flatMap(Set::stream).filter(FILE_FORMATS::contains).collect(Collectors.toSet());
    }

    /**
     * Why one ISBN qualified these two ways names two products: different file formats, an e-book and a
     * print binding, a set and one volume, two volumes; empty when the qualifiers agree or say nothing.
     */
    static Optional<String> conflict(Set<String> a, Set<String> b) {
        boolean aElectronic = a.contains(EBOOK) || a.stream().anyMatch(FILE_FORMATS::contains);
        boolean bElectronic = b.contains(EBOOK) || b.stream().anyMatch(FILE_FORMATS::contains);
        Set<String> aFiles = a.stream().filter(FILE_FORMATS::contains).collect(Collectors.toSet());
        Set<String> bFiles = b.stream().filter(FILE_FORMATS::contains).collect(Collectors.toSet());
        if (!aFiles.isEmpty() && !bFiles.isEmpty() && Collections.disjoint(aFiles, bFiles)) {
            return Optional.of("file formats " + aFiles + " and " + bFiles);
        }
        if ((aElectronic && b.contains(PRINT) && !bElectronic) || (bElectronic && a.contains(PRINT) && !aElectronic)) {
            return Optional.of("an e-book and a print binding");
        }
        Set<String> aVolumes = volumes(a);
        Set<String> bVolumes = volumes(b);
        if ((a.contains(SET) && !bVolumes.isEmpty() && !b.contains(SET)) || (b.contains(SET) && !aVolumes.isEmpty() && !a.contains(SET))) {
            return Optional.of("a set and one of its volumes");
        }
        if (!aVolumes.isEmpty() && !bVolumes.isEmpty() && Collections.disjoint(aVolumes, bVolumes)) {
            return Optional.of("volumes " + aVolumes + " and " + bVolumes);
        }
        return Optional.empty();
    }

    private static Set<String> volumes(Set<String> kinds) {
        return kinds.stream().filter(k -> k.startsWith("v:")).collect(Collectors.toSet());
    }
}
