package org.tongjie.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.tongjie.api.Hub;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.Fixtures;
import org.tongjie.testing.SharedData;

/**
 * A hub over a real catalogue for the SRU and OAI-PMH tests, and the external clients that drive it: the 37
 * CNMARC records we catalogued at "central" and, optionally, Koha's 435 MARC21 records at "branch-koha".
 */
public final class ProtocolFixture implements AutoCloseable {
    public static final String KOHA = "koha-misc4dev/koha-sample-marc21-with-952-items.mrc";

    public final Catalog catalog;
    public final Javalin app;
    private final Path workDir;
    private final HttpClient http = HttpClient.newHttpClient();

    public ProtocolFixture(Path workDir, boolean withKoha) throws IOException {
        this.workDir = workDir;
        catalog = Catalog.open(workDir.resolve("data"), Clock.systemUTC());
        catalog.libraries().save(library("central"));
        try (InputStream cnmarc = Files.newInputStream(Fixtures.cnmarcChineseBooks())) {
            assertEquals(37, catalog.ingest().file("central", cnmarc, "cnmarc.xml").accepted());
        }
        if (withKoha) {
            // Koha's own record number is its biblionumber (999 $c); its 001s repeat across records
            catalog.libraries().save(library("branch-koha").withRecordIdentity(RecordIdentity.KOHA_BIBLIONUMBER));
            try (InputStream koha = Files.newInputStream(SharedData.file(KOHA))) {
                catalog.ingest().file("branch-koha", koha, "koha.mrc");
            }
        }
        app = Hub.create(catalog, HarvestLog.open(workDir.resolve("data"), Clock.systemUTC())).start(0);
    }

    public static Library library(String id) {
        return new Library(id, id + "图书馆", id + " library", LibraryKind.BRANCH, Optional.empty(), "", Optional.empty());
    }

    public String base(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public String get(String pathAndQuery) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(base(pathAndQuery))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), pathAndQuery + " answered " + response.body());
        return response.body();
    }

    /** Runs a client with this standard input; returns what it printed (stdout and stderr). */
    public String run(List<String> command, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "client", ".out");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("PERL_UNICODE", "SO"); // HTTP::OAI's oai_pmh prints UTF-8, not Latin-1 and warnings
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not finish; it printed:\n" + Files.readString(out));
        }
        return new String(Files.readAllBytes(out), StandardCharsets.UTF_8) + "\nexit " + process.exitValue();
    }

    @Override
    public void close() throws IOException {
        app.stop();
        catalog.close();
    }
}
