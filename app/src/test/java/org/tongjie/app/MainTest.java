package org.tongjie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.SharedData;

/** The command line: every README command and flag as before, now through picocli and the configuration layers. */
class MainTest {

    private static HubConfig run(String... flags) {
        var args = new String[flags.length + 1];
        args[0] = "run";
        System.arraycopy(flags, 0, args, 1, flags.length);
        return Main.configOf(Map.of(), args).config();
    }

    private static String refusal(String... flags) {
        return assertThrows(ConfigException.class, () -> run(flags)).getMessage();
    }

    @Test
    void defaultsRunOnPort7070WithDataUnderDotDataAsTheDemo() {
        var config = run();
        assertEquals(Path.of("data"), config.dataDir());
        assertEquals(7070, config.port());
        assertEquals(2100, config.z3950Port());
        assertTrue(config.z3950Enabled());
        assertTrue(config.demo());
        assertEquals(Optional.empty(), config.membersFile());
        assertEquals(config, HubConfig.defaults());
    }

    @Test
    void theZ3950ServerPortCanBeChangedOrTurnedOff() {
        assertEquals(2101, run("--z3950-port", "2101").z3950Port());
        assertFalse(run("--z3950-port", "0").z3950Enabled());
        assertFalse(run("--no-z3950").z3950Enabled());
        assertEquals("z3950.port = \"x\" (flag --z3950-port) is not allowed: z3950.port must be a port number from 1 to 65535, or 0 for off",
                refusal("--z3950-port", "x"));
        assertEquals("z3950.port = \"7070\" (flag --z3950-port) must differ from http.port = \"7070\" (default)",
                refusal("--z3950-port", "7070"));
    }

    @Test
    void flagsOverrideTheDefaults() {
        var config = run("--data", "/tmp/x", "--port", "8080", "--no-demo", "--members", "net.json");
        assertEquals(Path.of("/tmp/x"), config.dataDir());
        assertEquals(8080, config.port());
        assertFalse(config.demo());
        assertEquals(Optional.of(Path.of("net.json")), config.membersFile());
    }

    @Test
    void badFlagsSayWhatIsWrong() {
        assertEquals("http.port = \"http\" (flag --port) is not allowed: http.port must be a port number from 0 (any free port) to 65535",
                refusal("--port", "http"));
        assertTrue(refusal("--port", "70000").startsWith("http.port = \"70000\" (flag --port) is not allowed"));
        var err = new StringWriter();
        var cli = Main.commandLine(Map.of()).setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("run", "--loud"));
        assertTrue(err.toString().contains("Unknown option: '--loud'"), err.toString());
        assertEquals(2, cli.execute("run", "--data"));
        assertTrue(err.toString().contains("Missing required parameter for option '--data'"), err.toString());
        assertEquals(2, cli.execute("load", "central"));
        assertEquals(2, cli.execute());
        assertTrue(err.toString().contains("no command given"), err.toString());
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String command : List.of("run", "config", "load", "harvest", "rebuild-index")) {
            var out = new StringWriter();
            var cli = Main.commandLine(Map.of()).setOut(new PrintWriter(out));
            assertEquals(0, cli.execute(command, "--help"), command);
            assertTrue(out.toString().contains("--data=DIR"), command + ": " + out);
        }
    }

    /** Several members' files on one command line are a first load: every file stored, then indexed at once. */
    @Test
    void loadingSeveralFilesFillsTheCatalogueWithUnionRecordsOfBoth(@TempDir Path data) throws Exception {
        try (var catalog = Catalog.open(data, Clock.systemUTC())) {
            for (String id : List.of("central", "branch")) {
                catalog.libraries().save(new Library(id, id, id, LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty())
                        .withRecordIdentity(RecordIdentity.parse("001 or content")));
            }
        }
        String pool = SharedData.file("pool/pool-marc21-utf8.mrc").toString();

        Main.main(new String[] {"load", "central", pool, "branch", pool, "--data", data.toString()});

        try (var catalog = Catalog.open(data, Clock.systemUTC())) {
            var hits = catalog.search().page("", 1, 5_000).hits();
            long heldByBoth = hits.stream().filter(h -> h.libraries().equals(List.of("branch", "central"))).count();
            assertTrue(heldByBoth > 900, heldByBoth + " of " + hits.size() + " union records hold both copies");
        }
    }

    /** What a command printed on its error stream, and its exit code. */
    private record Outcome(int code, String err) {}

    private static Outcome execute(String... args) {
        var err = new StringWriter();
        int code = Main.commandLine(Map.of()).setErr(new PrintWriter(err, true)).execute(args);
        return new Outcome(code, err.toString());
    }

    /** One line, "tongjie: " and the message, no stack trace, a non-zero exit. */
    private static String refusalOf(String... args) {
        Outcome outcome = execute(args);
        assertEquals(2, outcome.code(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("tongjie: "), outcome.err());
        assertFalse(outcome.err().contains("Exception") || outcome.err().contains("\tat "), outcome.err());
        return outcome.err().strip();
    }

    private static void member(Path data, String id) {
        try (var catalog = Catalog.open(data, Clock.systemUTC())) {
            catalog.libraries().save(new Library(id, id, id, LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void commandsThatWriteRefuseADataDirectoryAHubRunsOn(@TempDir Path data) throws Exception {
        member(data, "central");
        String pool = SharedData.file("pool/pool-marc21-utf8.mrc").toString();
        try (var running = Catalog.open(data, Clock.systemUTC())) {
            assertEquals("tongjie: a hub is running on " + data + ": stop it, or upload through the API (POST /api/libraries/ID/records)",
                    refusalOf("load", "central", pool, "--data", data.toString()));
            assertTrue(refusalOf("harvest", "central", "http://localhost:1/oai", "--data", data.toString())
                    .startsWith("tongjie: a hub is running on " + data + ": stop it, or start the harvest through the API"));
            assertTrue(refusalOf("rebuild-index", "--data", data.toString()).startsWith("tongjie: a hub is running on " + data + ": stop it"));
            assertTrue(refusalOf("run", "--data", data.toString(), "--port", "0", "--no-z3950", "--no-demo")
                    .startsWith("tongjie: a hub is running on " + data));
        }
    }

    @Test
    void anUnknownMemberIsRefusedWithTheMembersThereAre(@TempDir Path data) {
        member(data, "central");
        member(data, "branch-lujia");
        String pool = SharedData.file("pool/pool-marc21-utf8.mrc").toString();

        assertTrue(refusalOf("load", "nosuch", pool, "--data", data.toString())
                .startsWith("tongjie: no member 'nosuch' in " + data + "; the members are branch-lujia, central"));
        assertTrue(refusalOf("harvest", "nosuch", "http://localhost:1/oai", "--data", data.toString())
                .startsWith("tongjie: no member 'nosuch' in " + data));
    }

    @Test
    void aDataDirectoryWithoutACatalogueIsRefusedAndLeftAsItWas(@TempDir Path tmp) {
        Path fresh = tmp.resolve("new");

        assertTrue(refusalOf("harvest", "central", "http://localhost:1/oai", "--data", fresh.toString())
                .startsWith("tongjie: " + fresh + " holds no catalogue (no catalog.db): start the hub on it once"));
        assertTrue(refusalOf("load", "central", SharedData.file("pool/pool-marc21-utf8.mrc").toString(), "--data", fresh.toString())
                .startsWith("tongjie: " + fresh + " holds no catalogue"));
        assertTrue(refusalOf("rebuild-index", "--data", fresh.toString()).startsWith("tongjie: " + fresh + " holds no catalogue"));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path data) {
        member(data, "central");

        assertEquals("tongjie: cannot read /nonexistent.mrc (member central): there is no such file; give the path of its MARC"
                + " export file (ISO 2709 or MARCXML, gzipped or not)", refusalOf("load", "central", "/nonexistent.mrc", "--data", data.toString()));
    }

    @Test
    void aMissingMembersFileIsRefusedBeforeTheDataDirectoryIsMarked(@TempDir Path tmp) {
        Path fresh = tmp.resolve("new");

        assertTrue(refusalOf("run", "--members", "/nonexistent.json", "--data", fresh.toString(), "--port", "0", "--no-z3950")
                .startsWith("tongjie: cannot read the members file /nonexistent.json"));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void aTakenPortIsRefusedBeforeTheDataDirectoryIsTouched(@TempDir Path tmp) throws Exception {
        Path fresh = tmp.resolve("new");
        try (var taken = new ServerSocket(0)) {
            String port = Integer.toString(taken.getLocalPort());

            assertEquals("tongjie: the HTTP port " + port + " is taken (another program listens on it, perhaps another hub):"
                    + " stop it, or choose another port with --port N", refusalOf("run", "--port", port, "--data", fresh.toString()));
            assertEquals("tongjie: the Z39.50 port " + port + " is taken (another program listens on it, perhaps another hub):"
                    + " stop it, or choose another port with --z3950-port N, or --no-z3950",
                    refusalOf("run", "--port", "0", "--z3950-port", port, "--data", fresh.toString()));
        }
        assertFalse(Files.exists(fresh));
    }
}
