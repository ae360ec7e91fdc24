package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tongjie.testing.Required;

/**
 * A real Z39.50 server from Debian (yaz-ztest, zebrasrv) on a free port of 127.0.0.1, logging into its
 * working directory. Each test class starts its own, so classes can run in parallel.
 */
public final class Peer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Process process;
    private final int port;
    private final Path log;

    private Peer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code command tcp:127.0.0.1:PORT} in {@code workDir} and waits until the port accepts. */
    public static Peer start(Path workDir, String... command) {
        int port = freePort();
        Path log = workDir.resolve(Path.of(command[0]).getFileName() + ".log");
        List<String> commandLine = new ArrayList<>(List.of(command));
        commandLine.add("tcp:127.0.0.1:" + port);
        try {
            Process process = new ProcessBuilder(commandLine).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Peer peer = new Peer(process, port, log);
            peer.awaitAccepting();
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + commandLine, e);
        }
    }

    /**
     * A Debian binary and libyaz, or the test is skipped (failed under CI=true); ./tongjie test installs them.
     */
    public static void requireInstalled(String binary, String debianPackage) {
        Required.program(binary, debianPackage);
        requireLibyaz();
    }

    /** libyaz.so.5, which the ZOOM client and the GFS server call, or the test is skipped (failed under CI=true). */
    public static void requireLibyaz() {
        Required.that(Yaz.version().isPresent(), "libyaz.so.5: apt-get install -y libyaz5 (./tongjie test does)");
    }

    /** A port nothing listens on now; the OS may hand it out again later, which is the accepted risk. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAccepting() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("the peer exited with " + process.exitValue() + " before accepting on port " + port
                        + "; its log:\n" + readLog());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        process.destroyForcibly();
        fail("the peer did not accept on port " + port + " within " + STARTUP + "; its log:\n" + readLog());
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a peer", e);
        }
    }
}
