package org.tongjie.app.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.indexer.Catalog;
import org.tongjie.z3950.Peer;
import org.tongjie.z3950.RealClients;
import org.tongjie.z3950.Z3950ServerProcess;

/**
 * The hub's Z39.50 server holds no files of the hub's: it works on a data directory the hub has just
 * created, its JVM is told no data path and opens nothing there, and when it cannot read through the hub
 * (a wrong secret, a hub gone) its clients get Bib-1 2 and its log says why.
 */
class HubZ3950ServerTest {
    @TempDir
    static Path workDir;
    private static Path data;
    private static Catalog catalog;
    private static HubZ3950Server hub;

    @BeforeAll
    static void startOnABrandNewDataDirectory() throws IOException {
        Peer.requireInstalled("/usr/bin/yaz-client", "yaz");
        data = workDir.resolve("new-data-dir");
        catalog = Catalog.open(data, Clock.systemUTC());
        var started = HubZ3950Server.start(catalog, data.resolve("z3950.log"), "127.0.0.1", freePort());
        hub = ((HubZ3950Server.Outcome.Running) started).server();
    }

    @AfterAll
    static void stop() throws IOException {
        if (hub != null) {
            hub.close();
        }
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void aBrandNewDataDirectoryIsServedAtOnceAndItsFirstRecordFound() throws Exception {
        String before = RealClients.yazClient(hub.process(), workDir, StandardCharsets.UTF_8, "find @attr 1=4 quokka");
        assertTrue(before.contains("Number of hits: 0"), before);

        catalog.libraries().save(new Library("first", "第一馆", "first library", LibraryKind.BRANCH, Optional.empty(), "",
                Optional.empty()));
        assertEquals(1, catalog.ingest().file("first", new ByteArrayInputStream(marc21("first-0001", "Quokka island")),
                "first.mrc").accepted());

        String after = RealClients.yazClient(hub.process(), workDir, StandardCharsets.UTF_8,
                "find @attr 1=4 quokka", "format usmarc", "show 1");
        assertTrue(after.contains("Number of hits: 1"), after);
        assertTrue(after.contains("245 10 $a Quokka island"), after);
    }

    @Test
    void theServersCommandLineAndEnvironmentCarryNoDataPathAndItHoldsNoFileThereButItsLog() throws Exception {
        RealClients.yazClient(hub.process(), workDir, StandardCharsets.UTF_8, "find @attr 1=1016 anything");
        Path proc = Path.of("/proc", Long.toString(serverPid(hub.process())));
        String dataPath = data.toAbsolutePath().toString();

        String commandLine = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
        String environment = Files.readString(proc.resolve("environ")).replace('\0', '\n');
        assertTrue(commandLine.contains("HubCatalogBackend$Factory http://127.0.0.1:"), commandLine);
        assertFalse(commandLine.contains(dataPath), commandLine);
        assertFalse(environment.contains(dataPath), environment);
        assertTrue(environment.contains(HubReads.SECRET_VARIABLE + "="), "the secret travels in the environment");
        List<String> open = openFiles(proc);
        String log = hub.process().log().toAbsolutePath().toString();
        assertTrue(open.contains(log), "its output goes to the log the hub opened for it: " + open);
        assertFalse(open.stream().anyMatch(f -> f.startsWith(dataPath) && !f.equals(log)), open.toString());
    }

    @Test
    void aWrongSecretIsBib1Diagnostic2AndTheServerLogSaysSo() throws Exception {
        try (ReadEndpoint reads = ReadEndpoint.start(catalog);
             Z3950ServerProcess server = Z3950ServerProcess.start("127.0.0.1", freePort(),
                     HubCatalogBackend.Factory.class, List.of(reads.address().toString()),
                     Map.of(HubReads.SECRET_VARIABLE, "not-" + reads.secret()), workDir.resolve("wrong-secret.log"))) {
            String out = RealClients.yazClient(server, workDir, StandardCharsets.UTF_8, "find @attr 1=4 quokka");

            assertTrue(out.contains("[2]"), out);
            assertTrue(Files.readString(server.log()).contains("refused this server's secret (HTTP 401)"));
        }
    }

    @Test
    void aHubThatIsGoneIsBib1Diagnostic2AndTheServerKeepsServing() throws Exception {
        String gone = "http://127.0.0.1:" + freePort() + "/";
        try (Z3950ServerProcess server = Z3950ServerProcess.start("127.0.0.1", freePort(),
                HubCatalogBackend.Factory.class, List.of(gone), Map.of(HubReads.SECRET_VARIABLE, "any"),
                workDir.resolve("hub-gone.log"))) {
            String out = RealClients.yazClient(server, workDir, StandardCharsets.UTF_8,
                    "find @attr 1=4 quokka", "find @attr 1=4 wombat");

            assertEquals(2, out.split("\\[2\\]", -1).length - 1, out);
            assertTrue(Files.readString(server.log()).contains("the hub's read endpoint " + gone + "z3950/search cannot be reached"));
            assertTrue(server.exitCode().isEmpty(), "the server still runs");
        }
    }

    /** The server JVM this test's hub started: the child of this JVM whose command line names its port. */
    private static long serverPid(Z3950ServerProcess server) {
        String port = " " + server.port() + " ";
        return ProcessHandle.current().children().filter(p -> {
            try {
                return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ').contains(port);
            } catch (IOException gone) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no server JVM listening on" + port)).pid();
    }

    private static List<String> openFiles(Path proc) throws IOException {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing: it was not held
                }
            }
        }
        return targets;
    }

    private static byte[] marc21(String id, String title) {
        MarcFactory marc = MarcFactory.newInstance();
        Record record = marc.newRecord("00000nam a2200000 a 4500");
        record.addVariableField(marc.newControlField("001", id));
        DataField field = marc.newDataField("245", '1', '0');
        field.addSubfield(marc.newSubfield('a', title));
        record.addVariableField(field);
        var bytes = new ByteArrayOutputStream();
        var writer = new MarcStreamWriter(bytes, "UTF-8");
        writer.write(record);
        writer.close();
        return bytes.toByteArray();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
