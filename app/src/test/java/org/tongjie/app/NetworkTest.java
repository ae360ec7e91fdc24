package org.tongjie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;

/** The demo is a property of a data directory, chosen on its first start and kept. */
class NetworkTest {

    private static HubConfig config(Path data, String... flags) {
        var args = new java.util.ArrayList<>(List.of("run", "--data", data.toString()));
        args.addAll(List.of(flags));
        return Main.configOf(Map.of(), args.toArray(String[]::new)).config();
    }

    private static String mismatch(Path data, List<Library> libraries, String... flags) {
        return assertThrows(Network.MismatchException.class, () -> Network.choose(config(data, flags), libraries)).getMessage();
    }

    @Test
    void aNewDataDirectoryWithoutFlagsBecomesTheDemoAndLoadsIt(@TempDir Path data) {
        var choice = Network.choose(config(data), List.of());

        assertEquals(Network.DEMO, choice.network());
        assertTrue(choice.loadDemo());
        assertEquals(org.tongjie.app.demo.DemoNetwork.directory().members(), choice.directory().members(), "the demo's county");
        assertEquals(Optional.of(Network.DEMO), Network.recorded(data));
        assertFalse(Network.choose(config(data), List.of(library("central"))).loadDemo(), "loaded once");
    }

    @Test
    void aDataDirectoryCreatedWithoutTheDemoNeverBecomesIt(@TempDir Path data) {
        var choice = Network.choose(config(data, "--no-demo"), List.of());
        assertEquals(Network.MEMBERS, choice.network());
        assertEquals(0, choice.directory().members().size());

        String message = mismatch(data, List.of());

        assertTrue(message.startsWith(data + " holds a real network"), message);
        assertTrue(message.contains("--members FILE"), message);
        assertEquals(Network.MEMBERS, Network.choose(config(data, "--no-demo"), List.of()).network(), "still starts as it was made");
    }

    @Test
    void theDemoDataDirectoryDoesNotTakeRealMembers(@TempDir Path data) {
        Network.choose(config(data), List.of());

        String message = mismatch(data, List.of(), "--members", "net.json");

        assertTrue(message.contains("holds the demo network"), message);
        assertTrue(message.contains("--data DIR --members net.json"), message);
    }

    /** A data directory from before the choice was recorded: its members say what it is. */
    @Test
    void anUnrecordedDataDirectoryWithRealMembersRefusesToStartAsTheDemo(@TempDir Path data) {
        String message = mismatch(data, List.of(library("central"), library("kunshan-north")));

        assertEquals(data + " holds members that are not the demo's (kunshan-north), so it does not start as the demo:"
                + " give their directory with --members FILE, or --no-demo", message);
        assertEquals(Optional.empty(), Network.recorded(data));
    }

    private static Library library(String id) {
        return new Library(id, id, id, LibraryKind.BRANCH, Optional.empty(), "", Optional.empty());
    }
}
