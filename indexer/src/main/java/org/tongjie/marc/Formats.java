package org.tongjie.marc;

import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.MaterialFormat;

/** Leader/06 (type of record) and leader/07 (bibliographic level) to a material format. */
final class Formats {
    private Formats() {}

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
}
