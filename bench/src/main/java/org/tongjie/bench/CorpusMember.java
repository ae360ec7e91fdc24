package org.tongjie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;

/**
 * A member of the generated network: how much it holds (its weight when an edition picks its holders) and
 * how its system exports items, which is also the holdings mapping the hub is given for it.
 */
record CorpusMember(String id, String code, LibraryKind kind, int weight, ItemStyle style) {

    /** How a member's library system writes items into its MARC export. */
    enum ItemStyle {
        /** Koha: 952 in MARC21, 905 in CNMARC (the profiles' defaults, so no mapping is configured). */
        KOHA(Optional.empty()),
        /** Standard 852 locations in every record, whatever the profile. */
        STANDARD_852(Optional.of("852 servicePoint=b location=c callNumber=hi barcode=p")),
        /** A Chinese system exporting CNMARC-style 905 items in every record, MARC21 ones too. */
        LOCAL_905(Optional.of("905 servicePoint=a location=c callNumber=d/e barcode=b"));

        final Optional<String> mappingSpec;

        ItemStyle(Optional<String> mappingSpec) {
            this.mappingSpec = mappingSpec;
        }
    }

    /**
     * The network of {@code count} members: one central library, three district centrals, then branches,
     * 24-hour kiosks, lockers, circulation points and a van, holding less and less, with the item styles
     * taken in turn so every style is used by big and small members alike.
     */
    static List<CorpusMember> network(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a network needs at least one member, was " + count);
        }
        var members = new ArrayList<CorpusMember>();
        ItemStyle[] styles = ItemStyle.values();
        for (int i = 0; i < count; i++) {
            LibraryKind kind = i < 4 ? LibraryKind.CENTRAL
                    : i % 7 == 0 ? LibraryKind.KIOSK_24H
                    : i % 11 == 0 ? LibraryKind.SMART_LOCKER
                    : i % 13 == 0 ? LibraryKind.CIRCULATION_POINT
                    : i == count - 1 && count > 4 ? LibraryKind.MOBILE_VAN : LibraryKind.BRANCH;
            int weight = i == 0 ? 12 : i < 4 ? 6 : kind == LibraryKind.BRANCH ? 3 : 1;
            members.add(new CorpusMember(String.format(Locale.ROOT, "bench-%02d", i + 1),
                    String.format(Locale.ROOT, "BM%02d", i + 1), kind, weight, styles[i % styles.length]));
        }
        return List.copyOf(members);
    }

    Library library() {
        return new Library(id, "基准成员馆 " + id.substring(id.length() - 2), "Bench member " + id.substring(id.length() - 2)
                + " (" + kind.name().toLowerCase(Locale.ROOT) + ")", kind, Optional.empty(), "", Optional.empty(),
                style.mappingSpec.map(HoldingsMapping::parse));
    }
}
