package org.tongjie.marc;

import java.util.List;
import java.util.Locale;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.MaterialFormat;

/**
 * The material format: leader/06 (type of record) and leader/07 (bibliographic level), then for texts the
 * form of item: MARC21 008/23 and 007/00, UNIMARC 106$a, and in both the general material designation
 * ("[electronic resource]", "[微缩品]") that older records carry instead.
 */
final class Formats {
    private static final List<String> ELECTRONIC = List.of("electronic resource", "online resource", "电子资源",
            "電子資源", "elektronische ressource", "online-ressource", "ressource électronique");
    private static final List<String> MICRO = List.of("microform", "microfiche", "microfilm", "缩微", "縮微");

    private Formats() {}

    static MaterialFormat of(Record record, MarcProfile profile) {
        MaterialFormat base = fromLeader(record.getLeader().toString(), profile);
        if (base != MaterialFormat.BOOK && base != MaterialFormat.SERIAL) {
            return base;
        }
        char form = profile == MarcProfile.MARC21 ? fixed(record, "008", 23) : subfieldChar(record, "106", 'a');
        char carrier = fixed(record, "007", 0);
        String designation = (subfields(record, profile == MarcProfile.MARC21 ? "245" : "200", 'h', 'b')
                + " " + subfields(record, profile == MarcProfile.MARC21 ? "300" : "215", 'a', 'a')).toLowerCase(Locale.ROOT);
        if (carrier == 'c' || (profile == MarcProfile.MARC21 ? "oqs" : "s").indexOf(form) >= 0
                || ELECTRONIC.stream().anyMatch(designation::contains)) {
            return base == MaterialFormat.SERIAL ? MaterialFormat.ONLINE_SERIAL : MaterialFormat.EBOOK;
        }
        if (base == MaterialFormat.SERIAL) {
            return base;
        }
        if (carrier == 'h' || (profile == MarcProfile.MARC21 && "abc".indexOf(form) >= 0)
                || MICRO.stream().anyMatch(designation::contains)) {
            return MaterialFormat.MICROFORM;
        }
        return form == 'd' ? MaterialFormat.LARGE_PRINT : MaterialFormat.BOOK;
    }

    static MaterialFormat fromLeader(String leader, MarcProfile profile) {
        if (leader.length() < 8) {
            return MaterialFormat.OTHER;
        }
        char type = leader.charAt(6);
        char level = leader.charAt(7);
        return switch (type) {
            case 'a', 't', 'b' -> level == 's' || (profile == MarcProfile.MARC21 && (level == 'b' || level == 'i'))
                    ? MaterialFormat.SERIAL : MaterialFormat.BOOK;
            case 'c', 'd' -> MaterialFormat.MUSIC_SCORE;
            case 'e', 'f' -> MaterialFormat.MAP;
            case 'g' -> MaterialFormat.VIDEO;
            case 'i' -> MaterialFormat.SOUND_RECORDING;
            case 'j' -> MaterialFormat.MUSIC_RECORDING;
            case 'l' -> profile == MarcProfile.UNIMARC ? MaterialFormat.COMPUTER_FILE : MaterialFormat.OTHER;
            case 'm' -> profile == MarcProfile.MARC21 ? MaterialFormat.COMPUTER_FILE : MaterialFormat.MIXED_MATERIALS;
            case 'p' -> MaterialFormat.MIXED_MATERIALS;
            default -> MaterialFormat.OTHER;
        };
    }

    private static char fixed(Record record, String tag, int position) {
        return MarcFields.control(record, tag).filter(d -> d.length() > position).map(d -> d.charAt(position)).orElse(' ');
    }

    private static char subfieldChar(Record record, String tag, char code) {
        String value = subfields(record, tag, code, code).strip();
        return value.isEmpty() ? ' ' : value.charAt(0);
    }

    private static String subfields(Record record, String tag, char first, char second) {
        var out = new StringBuilder();
        for (DataField f : MarcFields.data(record, tag)) {
            f.getSubfields().stream().filter(s -> s.getCode() == first || s.getCode() == second)
                    .forEach(s -> out.append(s.getData()).append(' '));
        }
        return out.toString();
    }
}
