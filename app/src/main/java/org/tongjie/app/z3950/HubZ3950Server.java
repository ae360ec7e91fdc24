package org.tongjie.app.z3950;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tongjie.z3950.Yaz;
import org.tongjie.z3950.Z3950ServerProcess;

/**
 * Starts the hub's Z39.50 server over its data directory, in a JVM of its own (see the z3950-bridge
 * README for why). A missing libyaz5 or a port taken is not a reason to keep the web hub down: the
 * server is then off, and {@link Outcome.Off#reason} says why.
 */
public final class HubZ3950Server {
    private HubZ3950Server() {}

    /** What became of the attempt to start the server. */
    public sealed interface Outcome {
        record Running(Z3950ServerProcess process, String address) implements Outcome {}

        record Off(String reason) implements Outcome {}
    }

    /**
     * Starts the server on {@code host:port} over the catalogue under {@code dataDir}, which the hub must
     * already have opened (the index needs a first commit); its log goes to {@code dataDir/z3950.log}.
     */
    public static Outcome start(Path dataDir, String host, int port) {
        Optional<String> yaz = Yaz.version();
        if (yaz.isEmpty()) {
            return new Outcome.Off("libyaz5 is not installed (apt-get install libyaz5)");
        }
        Path log = dataDir.resolve("z3950.log");
        try {
            return new Outcome.Running(Z3950ServerProcess.start(host, port, LuceneZ3950Backend.Factory.class,
                    List.of(dataDir.toAbsolutePath().toString()), log), host + ":" + port);
        } catch (RuntimeException e) {
            return new Outcome.Off(firstLine(e.getMessage()) + " (log: " + log + ")");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "it did not start" : message.lines().findFirst().orElse(message);
    }
}
