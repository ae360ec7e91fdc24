package org.tongjie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.SharedData;

class MainTest {

    @Test
    void defaultsRunOnPort7070WithDataUnderDotData() {
        var config = Main.parseOptions(List.of(), new ArrayList<>());
        assertEquals(new HubConfig(Path.of("data"), 7070, 2100, true, Optional.empty()), config);
    }

    @Test
    void theZ3950ServerPortCanBeChangedOrTurnedOff() {
        assertEquals(2101, Main.parseOptions(List.of("--z3950-port", "2101"), new ArrayList<>()).z3950Port());
        assertFalse(Main.parseOptions(List.of("--z3950-port", "0"), new ArrayList<>()).z3950Enabled());
        assertFalse(Main.parseOptions(List.of("--no-z3950"), new ArrayList<>()).z3950Enabled());
        assertEquals("--z3950-port must be a number, was 'x'",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--z3950-port", "x"), new ArrayList<>())).getMessage());
        assertEquals("--z3950-port must be between 0 (off) and 65535, was -1",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--z3950-port", "-1"), new ArrayList<>())).getMessage());
        assertEquals("--z3950-port must differ from --port, both were 7070",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--z3950-port", "7070"), new ArrayList<>())).getMessage());
    }

    @Test
    void optionsOverrideTheDefaults() {
        var positional = new ArrayList<String>();
        var config = Main.parseOptions(List.of("--data", "/tmp/x", "--port", "8080", "--no-demo", "lib", "f.mrc"), positional);
        assertEquals(Path.of("/tmp/x"), config.dataDir());
        assertEquals(8080, config.port());
        assertFalse(config.loadDemo());
        assertEquals(List.of("lib", "f.mrc"), positional);
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertEquals("--port must be a number, was 'http'",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--port", "http"), new ArrayList<>())).getMessage());
        assertEquals("--port must be between 0 and 65535, was 70000",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--port", "70000"), new ArrayList<>())).getMessage());
        assertEquals("--data needs a value",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--data"), new ArrayList<>())).getMessage());
        assertEquals("unknown option --verbose",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--verbose"), new ArrayList<>())).getMessage());
    }

    @Test
    void theMemberDirectoryIsTheDemoNetworksUnlessAFileIsGiven() {
        var demo = Main.parseOptions(List.of(), new ArrayList<>());
        assertEquals(6, Main.members(demo).members().size());
        assertEquals(0, Main.members(Main.parseOptions(List.of("--no-demo"), new ArrayList<>())).members().size());
        assertEquals(Optional.of(Path.of("net.json")),
                Main.parseOptions(List.of("--members", "net.json"), new ArrayList<>()).membersFile());
    }

    /** Several members' files on one command line are a first load: every file stored, then indexed at once. */
    @Test
    void loadingSeveralFilesFillsTheCatalogueWithUnionRecordsOfBoth(@TempDir Path data) throws Exception {
        try (var catalog = Catalog.open(data, Clock.systemUTC())) {
            for (String id : List.of("central", "branch")) {
                catalog.saveLibrary(new Library(id, id, id, LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty()));
            }
        }
        String pool = SharedData.file("pool/pool-marc21-utf8.mrc").toString();

        Main.main(new String[] {"load", "central", pool, "branch", pool, "--data", data.toString()});

        try (var catalog = Catalog.open(data, Clock.systemUTC())) {
            var hits = catalog.search("", 1, 5_000).hits();
            long heldByBoth = hits.stream().filter(h -> h.libraries().equals(List.of("branch", "central"))).count();
            assertTrue(heldByBoth > 900, heldByBoth + " of " + hits.size() + " union records hold both copies");
        }
    }
}
