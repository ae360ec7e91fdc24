package org.tongjie.app.z3950;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongjie.indexer.Catalog;
import org.tongjie.z3950.Yaz;
import org.tongjie.z3950.Z3950ServerProcess;

/**
 * The hub's Z39.50 server: YAZ's GFS in a JVM of its own (see the z3950-bridge README for why), whose
 * backend asks this JVM's {@link Catalog} for searches and records over a loopback endpoint
 * ({@link ReadEndpoint}). The server's JVM gets that endpoint's address and secret, never a data path: the
 * hub alone opens the index and the database. A missing libyaz5, or a port taken between the start's
 * check ({@code run} refuses a port already taken) and the server's bind, is not a reason to keep the web
 * hub down: the server is then off, and {@link Outcome.Off#reason} says why.
 */
public final class HubZ3950Server implements AutoCloseable {
    private final ReadEndpoint reads;
    private final Z3950ServerProcess process;

    private HubZ3950Server(ReadEndpoint reads, Z3950ServerProcess process) {
        this.reads = reads;
        this.process = process;
    }

    /** What became of the attempt to start the server. */
    public sealed interface Outcome {
        record Running(HubZ3950Server server, String address) implements Outcome {}

        record Off(String reason) implements Outcome {}
    }

    /**
     * Starts the server on {@code host:port} over {@code catalog}, its output going to {@code log}. Works on
     * a brand-new, empty catalogue too: searches then find nothing until records come.
     */
    public static Outcome start(Catalog catalog, Path log, String host, int port) {
        Optional<String> yaz = Yaz.version();
        if (yaz.isEmpty()) {
            return new Outcome.Off("libyaz5 is not installed (apt-get install libyaz5)");
        }
        ReadEndpoint reads = ReadEndpoint.start(catalog);
        try {
            Z3950ServerProcess process = Z3950ServerProcess.start(host, port, HubCatalogBackend.Factory.class,
                    List.of(reads.address().toString()), Map.of(HubReads.SECRET_VARIABLE, reads.secret()), log);
            return new Outcome.Running(new HubZ3950Server(reads, process), host + ":" + port);
        } catch (RuntimeException e) {
            reads.close();
            return new Outcome.Off(firstLine(e.getMessage()) + " (its log: " + log + ")");
        }
    }

    /** The server's JVM, for its port, log and exit code. */
    public Z3950ServerProcess process() {
        return process;
    }

    /** Stops the server, then the endpoint it reads through. */
    @Override
    public void close() {
        try {
            process.close();
        } finally {
            reads.close();
        }
    }

    /** The failure's first line, without the process's own "; its log:" lead-in to the lines that follow. */
    static String firstLine(String message) {
        String first = message == null ? "it did not start" : message.lines().findFirst().orElse(message);
        return first.replaceFirst(";? *its log:\\s*$", "");
    }
}
