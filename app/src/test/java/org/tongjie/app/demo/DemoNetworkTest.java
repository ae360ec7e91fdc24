package org.tongjie.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
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
        assertEquals(6, members.size());
        assertEquals(DemoNetwork.CENTRAL, members.getFirst().id());
        members.forEach(m -> assertEquals(DemoNetwork.HOLDINGS.spec(), m.library().holdingsMapping().orElseThrow().spec(), m.id()));
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
