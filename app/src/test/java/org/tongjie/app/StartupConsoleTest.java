package org.tongjie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.app.demo.DemoAccounts;
import org.tongjie.app.demo.DemoNetwork;
import org.tongjie.testing.SharedData;

/**
 * What a person sees when they start the hub: the hub run as {@code ./tongjie run} runs it (Main in a JVM of
 * its own, so the logging is configured as at a real start), its console read line by line until it says
 * how it is logging (its last line), then the accounts it printed tried over HTTP.
 */
class StartupConsoleTest {
    private static final Pattern ADDRESS = Pattern.compile("http://localhost:(\\d+)/ ");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFirstStartSaysWhereEverythingIsAndWhichAccountsToTryInAFewQuietLines(@TempDir Path data) throws Exception {
        SharedData.debianFile(DemoNetwork.ZEBRA_EXAMPLES.resolve("marc21/sample-marc.gz").toString());
        int z3950Port = freePort();
        Process hub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--data", data.toString(), "--port", "0", "--z3950-port", Integer.toString(z3950Port))
                .redirectErrorStream(true).start();
        try {
            List<String> console = readUntilRunning(hub);
            String all = String.join("\n", console);

            assertTrue(console.size() <= 20, console.size() + " lines:\n" + all);
            for (String library : List.of("INFO", "Flyway", "HikariPool", "Jetty", "jetty", "Javalin", "vector")) {
                assertFalse(all.contains(library), "no library logging (" + library + ") at a plain start:\n" + all);
            }
            var address = ADDRESS.matcher(line(console, "Pages:"));
            assertTrue(address.find(), all);
            int port = Integer.parseInt(address.group(1));
            assertTrue(line(console, "API:").contains("/openapi.json"), all);
            assertTrue(line(console, "SRU:").contains("/sru?operation=explain"), all);
            assertTrue(line(console, "OAI-PMH:").contains("/oai?verb=Identify"), all);
            assertTrue(line(console, "Z39.50:").contains("tcp:localhost:" + z3950Port), all);
            assertTrue(line(console, "Data:").contains(data.toAbsolutePath().toString()), all);

            var reader = DemoAccounts.READERS.getFirst();
            String readerLine = line(console, "  reader card " + reader.card());
            assertTrue(readerLine.contains("PIN " + reader.pin()), readerLine);
            assertEquals(200, status(port, "/api/ill/me", "Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((reader.card() + ":" + reader.pin()).getBytes(StandardCharsets.UTF_8))), "the printed PIN signs in");
            String[] desk = line(console, "  desk keys for /staff.html:").split(":\\s+", 2)[1].replace(",", "").split("\\s+");
            assertEquals("central", desk[0]);
            assertEquals(200, status(port, "/api/ill/libraries/central/queues/to-fill", "X-Api-Key", desk[1]),
                    "the printed desk key opens the central library's queue");
            assertTrue(Files.readString(data.resolve(DemoAccounts.FILE)).contains(desk[1]), "the file keeps every key");
            String admin = line(console, "  administrator").replaceAll(".*:\\s+", "");
            assertEquals(200, status(port, "/api/ill/outbox", "X-Api-Key", admin), "the printed administrator key works");
        } finally {
            hub.destroy();
            hub.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String line(List<String> console, String start) {
        return console.stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + start + "' in:\n" + String.join("\n", console)));
    }

    /** The console up to its last line at start (the logging line), or all of it if the hub stops first. */
    private static List<String> readUntilRunning(Process hub) throws IOException {
        var lines = new ArrayList<String>();
        var in = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
        for (String l = in.readLine(); l != null; l = in.readLine()) {
            lines.add(l);
            if (l.startsWith("Logging:")) {
                return lines;
            }
        }
        throw new AssertionError("the hub stopped before it was running:\n" + String.join("\n", lines));
    }

    private int status(int port, String path, String header, String value) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header(header, value).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
