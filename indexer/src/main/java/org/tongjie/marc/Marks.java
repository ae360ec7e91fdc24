package org.tongjie.marc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.tongjie.catalog.EditionMarks;
import org.tongjie.catalog.Isbns;
import org.tongjie.catalog.MarcProfile;

/**
 * Reads the {@link EditionMarks} of a record: the coded and transcribed data that tell two editions of one
 * title apart (carrier, content type, ISBN qualifiers, set or component part, every publisher form) and
 * the title and serial keys that let thin records find each other. Read here rather than through the
 * mapping table because most of it is a code looked up in a table, not a value to show.
 */
final class Marks {
    /** Terms of an extent statement (300 $a, 215 $a) and the RDA carrier code each stands for. */
    private static final List<Map.Entry<Pattern, String>> CARRIER_TERMS = List.of(
            term("videocassette|vhs|video cassette|u-matic|betacam", "vf"),
            term("videodis[ck]|dvd|blu-ray|laserdis[ck]|video dis[ck]", "vd"),
            term("film ?reels?|\\breels?\\b|film cartridge|film loop", "mr"),
            term("film ?strips?", "gf"),
            term("slides?\\b", "gs"),
            term("sound cassettes?|audiocassettes?|audio cassettes?|cassettes?\\b|磁带", "ss"),
            term("sound dis[ck]s?|audio dis[ck]s?|compact dis[ck]s?|\\bcds?\\b|唱片|光盘", "sd"),
            term("microfiches?", "he"),
            term("microfilm", "hd"),
            term("microopaque|micro-opaque", "hg"),
            term("cd-rom|computer dis[ck]|dvd-rom|computer optical", "cd"),
            term("online resource|remote", "cr"),
            term("computer file|dis[ck]ette|floppy", "cd"));
    private static final Pattern SET = Pattern.compile("^\\s*(\\d{1,6})\\s*(?:v\\b|v\\.|vols?\\b|volumes|bde?\\b|t\\.|tomes|册|冊|卷)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VOLUME_QUALIFIER = Pattern.compile("(?:v\\.|vol\\.?|volume|band|bd\\.|tome|t\\.|part|pt\\.)\\s*(\\d+)|第?(\\d+)[册冊卷]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIER = Pattern.compile("\\(([^)]*)\\)");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "le", "la", "les", "l", "der", "die", "das",
            "el", "los", "las", "il", "lo", "gli", "de", "het", "een", "den", "det", "ein", "eine", "un", "une", "o", "os");
    private static final char NON_SORT_BEGIN = '\u0088';
    private static final char NON_SORT_END = '\u0089';

    private Marks() {}

    private static Map.Entry<Pattern, String> term(String regex, String code) {
        return Map.entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), code);
    }

    static EditionMarks of(Record record, MarcProfile profile) {
        boolean marc21 = profile == MarcProfile.MARC21;
        String extent = joined(record, marc21 ? "300" : "215", 'a');
        Map<String, Set<String>> qualifiers = isbnQualifiers(record, marc21);
        return new EditionMarks(
                carriers(record, extent),
                codes(record, "336", 'b'),
                qualifiers,
                volumesInSet(extent, qualifiers),
                componentPart(record, marc21),
                hostLinks(record, marc21),
                publishers(record, marc21),
                titleProper(record, marc21),
                firstSubfield(record, marc21 ? "222" : "530", 'a').flatMap(MarcFields::tidy),
                codes(record, marc21 ? "022" : "011", marc21 ? 'l' : 'f').stream()
                        .flatMap(s -> Isbns.toIssn(s).stream()).collect(Collectors.toSet()));
    }

    private static Set<String> carriers(Record record, String extent) {
        var out = new HashSet<String>();
        record.getControlFields().stream().filter(f -> f.getTag().equals("007")).map(f -> f.getData())
                .filter(d -> d.length() >= 2).forEach(d -> out.add(carrierOf007(d)));
        out.addAll(codes(record, "338", 'b'));
        String lower = extent.toLowerCase(Locale.ROOT);
        for (var t : CARRIER_TERMS) {
            if (t.getKey().matcher(lower).find()) {
                out.add(t.getValue());
                break;
            }
        }
        out.remove("");
        return out;
    }

    /** 007/00-01 names the carrier as RDA does, but for a computer optical disc ("co"), printed text and "unspecified". */
    private static String carrierOf007(String d) {
        String code = d.substring(0, 2).toLowerCase(Locale.ROOT);
        if (code.equals("co")) {
            return "cd";
        }
        if (code.charAt(0) == 't') {
            return "nc";
        }
        return code.charAt(1) == 'u' || code.charAt(1) == 'z' || code.charAt(1) == '|' || code.charAt(1) == ' ' ? "" : code;
    }

    /** Each valid ISBN (as ISBN-13) with the lower-cased words that qualify it: "pbk", "pdf", "v. 2", "set". */
    private static Map<String, Set<String>> isbnQualifiers(Record record, boolean marc21) {
        var out = new HashMap<String, Set<String>>();
        for (DataField f : MarcFields.data(record, marc21 ? "020" : "010")) {
            Optional<String> isbn = MarcFields.first(f, 'a').flatMap(Isbns::toIsbn13);
            if (isbn.isEmpty()) {
                continue;
            }
            var words = new LinkedHashSet<String>();
            for (Subfield s : f.getSubfields()) {
                if (s.getCode() == 'q' || (!marc21 && s.getCode() == 'b')) {
                    words.add(qualifier(s.getData()));
                } else if (s.getCode() == 'a') {
                    var m = QUALIFIER.matcher(s.getData());
                    while (m.find()) {
                        words.add(qualifier(m.group(1)));
                    }
                    String rest = s.getData().replaceFirst("^[\\s0-9Xx-]+", "").strip();
                    if (!rest.isEmpty() && !rest.startsWith("(")) {
                        words.add(qualifier(rest));
                    }
                }
            }
            words.remove("");
            out.computeIfAbsent(isbn.get(), k -> new LinkedHashSet<>()).addAll(words);
        }
        return out;
    }

    private static String qualifier(String s) {
        return MarcFields.tidy(s.replaceAll("[()]", "")).orElse("").toLowerCase(Locale.ROOT);
    }

    /** "2 v.", "3册" in the extent, or ISBNs qualified with two or more volume numbers: a set record. */
    private static int volumesInSet(String extent, Map<String, Set<String>> qualifiers) {
        var m = SET.matcher(extent);
        if (m.find() && Integer.parseInt(m.group(1)) >= 2) {
            return Integer.parseInt(m.group(1));
        }
        var volumes = new HashSet<String>();
        qualifiers.values().forEach(ws -> ws.forEach(w -> {
            var v = VOLUME_QUALIFIER.matcher(w);
            if (v.find()) {
                volumes.add(v.group(1) != null ? v.group(1) : v.group(2));
            }
        }));
        return volumes.size() >= 2 ? volumes.size() : 0;
    }

    /**
     * Leader/07 a or b. A 773 alone does not make a component part: e-book vendors put the package an
     * e-book belongs to there ("netLibrary").
     */
    private static boolean componentPart(Record record, boolean marc21) {
        String leader = record.getLeader().toString();
        char level = leader.length() > 7 ? leader.charAt(7) : ' ';
        return marc21 && (level == 'a' || level == 'b');
    }

    /** 773 $w (the host's control number), else the host's title: two parts of one host are told apart elsewhere. */
    private static Set<String> hostLinks(Record record, boolean marc21) {
        var out = new HashSet<String>();
        for (DataField f : MarcFields.data(record, marc21 ? "773" : "463")) {
            var w = f.getSubfields('w').stream().map(s -> s.getData().replaceAll("\\s", "").toLowerCase(Locale.ROOT)).toList();
            if (!w.isEmpty()) {
                out.addAll(w);
            } else {
                MarcFields.first(f, 't').or(() -> MarcFields.first(f, 'a'))
                        .ifPresent(t -> out.add("title:" + t.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "")));
            }
        }
        return out;
    }

    /** Every publisher name: 260/264 $b and their 880 vernacular forms (MARC21), 210/214 $c (UNIMARC). */
    private static List<String> publishers(Record record, boolean marc21) {
        var out = new LinkedHashSet<String>();
        List<String> tags = marc21 ? List.of("264", "260") : List.of("210", "214");
        char code = marc21 ? 'b' : 'c';
        for (String tag : tags) {
            MarcFields.data(record, tag).forEach(f -> f.getSubfields(code).forEach(s -> MarcFields.tidy(s.getData()).ifPresent(out::add)));
        }
        if (marc21) {
            for (DataField f : MarcFields.data(record, "880")) {
                String link = MarcFields.first(f, '6').orElse("");
                if (link.startsWith("260") || link.startsWith("264")) {
                    f.getSubfields('b').forEach(s -> MarcFields.tidy(s.getData()).ifPresent(out::add));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * 245 $a (UNIMARC 200 $a) without the leading article: the non-filing indicator says how many characters
     * to skip, UNIMARC brackets them with NSB/NSE; a record that gives neither has a common article dropped
     * by a stop list. The subtitle and the part are left out: they are compared on their own.
     */
    private static Optional<String> titleProper(Record record, boolean marc21) {
        List<DataField> fields = MarcFields.data(record, marc21 ? "245" : "200");
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        DataField f = fields.getFirst();
        Optional<String> a = MarcFields.first(f, 'a');
        if (a.isEmpty()) {
            return Optional.empty();
        }
        String title = a.get();
        int skip = marc21 && Character.isDigit(f.getIndicator2()) ? f.getIndicator2() - '0' : 0;
        if (!marc21 && title.indexOf(NON_SORT_END) > 0) {
            title = title.substring(title.indexOf(NON_SORT_END) + 1);
        } else if (skip > 0 && skip < title.length()) {
            title = title.substring(skip);
        } else {
            title = withoutArticle(title);
        }
        return MarcFields.tidy(title.replace(String.valueOf(NON_SORT_BEGIN), "").replace(String.valueOf(NON_SORT_END), ""));
    }

    private static String withoutArticle(String title) {
        String t = title.stripLeading();
        int end = 0;
        while (end < t.length() && Character.isLetter(t.charAt(end))) {
            end++;
        }
        boolean separated = end < t.length() && (t.charAt(end) == ' ' || t.charAt(end) == '\'' || t.charAt(end) == '’');
        return separated && ARTICLES.contains(t.substring(0, end).toLowerCase(Locale.ROOT)) && end + 1 < t.length()
                ? t.substring(end + 1) : t;
    }

    private static Set<String> codes(Record record, String tag, char code) {
        var out = new HashSet<String>();
        MarcFields.data(record, tag).forEach(f -> f.getSubfields(code)
                .forEach(s -> out.add(s.getData().strip().toLowerCase(Locale.ROOT))));
        out.remove("");
        return out;
    }

    private static Optional<String> firstSubfield(Record record, String tag, char code) {
        return MarcFields.data(record, tag).stream().flatMap(f -> MarcFields.first(f, code).stream()).findFirst();
    }

    private static String joined(Record record, String tag, char code) {
        var out = new StringBuilder();
        MarcFields.data(record, tag).forEach(f -> f.getSubfields(code).forEach(s -> out.append(s.getData()).append(' ')));
        return out.toString();
    }
}
