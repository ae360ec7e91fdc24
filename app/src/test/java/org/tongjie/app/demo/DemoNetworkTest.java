package org.tongjie.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.Searches;
import org.tongjie.testing.SharedData;

class DemoNetworkTest {

    @Test
    void theDemoNetworkHasEveryKindOfServicePointAndSharedTitles(@TempDir Path data) throws IOException {
        SharedData.debianFile(DemoNetwork.ZEBRA_EXAMPLES.resolve("marc21/sample-marc.gz").toString());
        try (var catalog = Catalog.open(data, Clock.systemUTC())) {
            DemoNetwork.load(catalog);

            var kinds = EnumSet.noneOf(LibraryKind.class);
            catalog.libraries().all().stream().map(Library::kind).forEach(kinds::add);
            assertTrue(kinds.containsAll(EnumSet.of(LibraryKind.CENTRAL, LibraryKind.BRANCH, LibraryKind.KIOSK_24H,
                    LibraryKind.SMART_LOCKER)), kinds.toString());
            assertTrue(catalog.libraries().all().size() >= 5);

            var computer = catalog.search().page("computer", 1, 50);
            assertTrue(computer.total() > 0);
            assertTrue(computer.hits().stream().allMatch(h -> !h.holdings().isEmpty()), "every demo copy has items");

            var everything = catalog.search().page("", 1, 1000).hits();
            long shared = everything.stream().filter(h -> h.libraries().size() > 1).count();
            assertTrue(shared > 20, "union records held by more than one member: " + shared);
            var santiVolumes = everything.stream().filter(h -> h.title().equals("三体")).toList();
            assertEquals(3, santiVolumes.size(), "one union record per volume of the trilogy, however many members hold it");
            assertTrue(santiVolumes.stream().anyMatch(h -> h.libraries().size() > 1), santiVolumes.toString());
            var santi = catalog.search().page("三体", 1, 10);
            assertTrue(santi.total() >= 3, "the CNMARC records are in the network");
            var chineseItems = catalog.search().page("", 1, 1000).hits().stream()
                    .filter(h -> h.isbns().stream().anyMatch(i -> i.startsWith("9787")))
                    .flatMap(h -> h.holdings().stream()).map(h -> h.status()).collect(Collectors.toSet());
            assertEquals(Set.of(HoldingStatus.AVAILABLE, HoldingStatus.ON_LOAN), chineseItems,
                    "the members' holdings mapping reads the due date the demo writes in 905 $z");
        }
    }

    @Test
    void theBundledDirectoryFileHoldsTheDemoMembersWithTheirHoldingsMapping() {
        var members = DemoNetwork.directory().members();
        assertTrue(members.size() >= 25, members.size() + " members");
        var kinds = members.stream().collect(Collectors.groupingBy(m -> m.library().kind(), Collectors.counting()));
        assertEquals(1, kinds.get(LibraryKind.CENTRAL));
        assertTrue(kinds.get(LibraryKind.BRANCH) >= 10, kinds.toString());
        assertTrue(kinds.get(LibraryKind.KIOSK_24H) >= 3 && kinds.get(LibraryKind.SMART_LOCKER) >= 3, kinds.toString());
        assertTrue(kinds.get(LibraryKind.CIRCULATION_POINT) >= 3 && kinds.get(LibraryKind.MOBILE_VAN) >= 1, kinds.toString());
        members.forEach(m -> assertTrue(m.library().nameZh().codePoints().anyMatch(c -> c > 0x4e00), m.id()));
        assertEquals(DemoNetwork.CENTRAL, members.getFirst().id());
        members.forEach(m -> assertEquals(DemoNetwork.HOLDINGS.spec(), m.library().holdingsMapping().orElseThrow().spec(), m.id()));
    }

    @Test
    void theSharedRealRecordsAreSpreadOverTheWholeCountyWithTheDemosOwnItems(@TempDir Path data) throws IOException {
        Path shared = SharedData.folder("pool").getParent();
        try (var catalog = Catalog.open(data, Clock.systemUTC())) {
            var loaded = DemoNetwork.load(catalog, Optional.of(shared));

            assertEquals(List.of(), loaded.missing().stream().filter(m -> m.startsWith(shared.toString())).toList());
            assertTrue(loaded.unionRecords() > 800, loaded.toString());
            var everything = catalog.search().page("", 1, 5000).hits();
            var holders = everything.stream().flatMap(h -> h.libraries().stream()).collect(Collectors.toSet());
            assertEquals(DemoNetwork.directory().members().size(), holders.size(), "every member holds something");
            var servicePoints = everything.stream().flatMap(h -> h.holdings().stream()).map(h -> h.servicePoint())
                    .collect(Collectors.toSet());
            assertTrue(servicePoints.stream().noneMatch(Set.of("CPL", "FPL", "MPL")::contains), "no Koha branch codes: " + servicePoints);
            assertTrue(catalog.search().page("pride prejudice", 1, 1).total() > 10, "the Austen set");
            assertTrue(catalog.search().page("傲慢與偏見", 1, 1).total() > 0, "the Taiwanese CMARC records");
            var statuses = everything.stream().flatMap(h -> h.holdings().stream()).map(h -> h.status()).collect(Collectors.toSet());
            assertTrue(statuses.containsAll(Set.of(HoldingStatus.AVAILABLE, HoldingStatus.ON_LOAN)), statuses.toString());
            DemoNetwork.directory().members().forEach(m -> {
                var at = m.library().coordinates().orElseThrow();
                assertTrue(at.latitude() > 31.0 && at.latitude() < 31.5 && at.longitude() > 120.8 && at.longitude() < 121.2,
                        m.id() + " lies in the county: " + at);
            });
        }
    }

    @Test
    void loadingIsDeterministic(@TempDir Path a, @TempDir Path b) throws IOException {
        try (var first = Catalog.open(a, Clock.systemUTC()); var second = Catalog.open(b, Clock.systemUTC())) {
            DemoNetwork.load(first);
            DemoNetwork.load(second);
            // documents of equal score come in index order, which merges of index segments may reorder
            assertEquals(Searches.byId(first), Searches.byId(second));
        }
    }
}
