package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Network NET = Networks.kunshan();
    private static final Reader KS_READER = new Reader("320583000123456", "ks-zhoushi");
    private static final Pickup HUAQIAO_LOCKER = new Pickup.AtServicePoint("ks-huaqiao", Pickup.Kind.SMART_LOCKER);

    private static CandidateHolding copy(String library, String barcode) {
        return CandidateHolding.available(library, barcode, "ADULT", "I247.5/1234");
    }

    private static List<String> lenders(List<RotaEntry> rota) {
        return rota.stream().filter(e -> e.status() == RotaEntry.Status.WAITING).map(RotaEntry::libraryId).toList();
    }

    @Test
    void shortestDeliveryToThePickupPointWins() {
        // Huaqiao locker: Lujia is ~6 km away, Taicang ~17 km, the central library ~15 km, Changshu ~45 km.
        var rota = Router.plan(KS_READER, HUAQIAO_LOCKER,
                List.of(copy("cs", "CS1"), copy("ks", "KS1"), copy("tc", "TC1"), copy("ks-lujia", "LJ1")), NET, Map.of());
        assertEquals(List.of("ks-lujia", "ks", "tc", "cs"), lenders(rota));
        assertTrue(rota.getFirst().reason().contains("km to pickup point ks-huaqiao"), rota.getFirst().reason());
        assertTrue(rota.getFirst().reason().endsWith("ahead of ks: shorter delivery"), rota.getFirst().reason());
        assertEquals(List.of(1, 2, 3, 4), rota.stream().map(RotaEntry::position).toList());
    }

    @Test
    void theReadersOwnLibraryComesFirstWhenItCanFill() {
        var rota = Router.plan(KS_READER, HUAQIAO_LOCKER, List.of(copy("ks-lujia", "LJ1"), copy("ks-zhoushi", "ZS1")),
                NET, Map.of());
        assertEquals(List.of("ks-zhoushi", "ks-lujia"), lenders(rota));
        assertTrue(rota.getFirst().reason().startsWith("the reader's own library can fill"), rota.getFirst().reason());
        assertTrue(rota.getFirst().reason().endsWith("ahead of ks-lujia: own library first"));
    }

    @Test
    void ownLibraryThatCannotFillIsSkippedAndTheRuleFallsThrough() {
        var rota = Router.plan(KS_READER, HUAQIAO_LOCKER,
                List.of(copy("ks-zhoushi", "ZS1").with(Availability.ON_LOAN), copy("ks", "KS1")), NET, Map.of());
        assertEquals(List.of("ks"), lenders(rota));
        assertEquals("skipped: not available now (ON_LOAN)", rota.get(1).reason());
        assertEquals(RotaEntry.Status.SKIPPED, rota.get(1).status());
    }

    @Test
    void withinTheSameDistanceBandTheLighterLoadedLenderGoesFirst() {
        // The central library and the railway-station kiosk are ~2 km apart; a reader picks up at the kiosk.
        var kiosk = new Pickup.AtServicePoint("ks-station", Pickup.Kind.KIOSK_24H);
        var holdings = List.of(copy("ks-station", "ST1"), copy("ks", "KS1"));
        assertEquals(List.of("ks-station", "ks"), lenders(Router.plan(KS_READER, kiosk, holdings, NET, Map.of())));
        var rota = Router.plan(KS_READER, kiosk, holdings, NET, Map.of("ks-station", 9, "ks", 2));
        assertEquals(List.of("ks", "ks-station"), lenders(rota));
        assertTrue(rota.getFirst().reason().endsWith("same distance band, lighter load (2 vs 9)"), rota.getFirst().reason());
    }

    @Test
    void closedOverQuotaUnknownAndNonLendableCopiesAreSkippedWithTheirReasons() {
        var members = new ArrayList<>(Networks.members());
        members.replaceAll(m -> switch (m.id()) {
            case "tc" -> m.closed();
            case "ks-lujia" -> m.withQuota(3);
            default -> m;
        });
        var net = Network.of(members);
        var rota = Router.plan(KS_READER, HUAQIAO_LOCKER, List.of(copy("tc", "TC1"), copy("ks-lujia", "LJ1"),
                copy("ks", "KS1").notLendable("REF"), copy("wuxi", "WX1"), copy("ks", "KS2"), copy("ks", "KS3"),
                copy("cs", "CS1").with(Availability.LOST)), net, Map.of("ks-lujia", 3));
        assertEquals(List.of("ks"), lenders(rota));
        assertEquals(Optional.of("KS2"), rota.getFirst().barcode(), "the first eligible copy of the library");
        assertEquals(List.of("spare: another copy at ks is on the rota first; promised instead if that one is taken",
                "skipped: library tc is closed",
                "skipped: library ks-lujia is over its quota (3 open lending requests, quota 3)",
                "skipped: not lendable on ILL (loan type REF)",
                "skipped: library wuxi is not in the member directory",
                "skipped: not available now (LOST)"), rota.subList(1, rota.size()).stream().map(RotaEntry::reason).toList());
        assertEquals(RotaEntry.Status.SPARE, rota.get(1).status());
        assertEquals(Optional.of("KS3"), rota.get(1).barcode(), "the library's next eligible copy is its spare");
    }

    @Test
    void homeDeliveryIsMeasuredFromTheReadersHomeLibrary() {
        var reader = new Reader("320585000000077", "tc-shaxi");
        var rota = Router.plan(reader, new Pickup.HomeDelivery("太仓市沙溪镇白云中路 8 号"),
                List.of(copy("ks", "KS1"), copy("cs", "CS1"), copy("tc", "TC1")), NET, Map.of());
        assertEquals(List.of("tc", "ks", "cs"), lenders(rota));
        assertTrue(rota.getFirst().reason().contains("the reader's home library (home delivery)"));
    }

    @Test
    void aLibraryWithoutCoordinatesRoutesAfterTheOnesWithADistance() {
        var rota = Router.plan(KS_READER, HUAQIAO_LOCKER, List.of(copy("ks-van-1", "VAN1"), copy("cs", "CS1")), NET,
                Map.of());
        assertEquals(List.of("cs", "ks-van-1"), lenders(rota));
        assertTrue(rota.get(1).reason().contains("distance to pickup point ks-huaqiao unknown"), rota.get(1).reason());
    }

    @Test
    void noCopiesMeansAnEmptyRota() {
        assertEquals(List.of(), Router.plan(KS_READER, HUAQIAO_LOCKER, List.of(), NET, Map.of()));
    }
}
