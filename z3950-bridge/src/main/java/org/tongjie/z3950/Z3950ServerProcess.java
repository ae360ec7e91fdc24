package org.tongjie.z3950;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Z3950Server} in a JVM of its own ({@link Z3950ServerMain}), with this JVM's class path: GFS
 * can be started only once in a process and takes over its SIGTERM, so the hub keeps it apart.
 * {@link #close} ends the server's standard input, which stops it cleanly, and waits for it; a server
 * that does not exit in time is killed.
 */
public final class Z3950ServerProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(20);
    private static final Duration STOP = Duration.ofSeconds(10);

    private final Process process;
    private final String host;
    private final int port;
    private final Path log;

    private Z3950ServerProcess(Process process, String host, int port, Path log) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.log = log;
    }

    /** Variables of this JVM's environment the server's gets too: finding programs, and the locale. */
    private static final List<String> INHERITED = List.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ");

    /**
     * Starts the server on {@code host:port} over the backend {@code factory} makes of {@code arguments}
     * in the new JVM, its output going to {@code log}, and returns once the port accepts connections.
     */
    public static Z3950ServerProcess start(String host, int port, Class<? extends CatalogBackend.Factory> factory,
            List<String> arguments, Path log) {
        return start(host, port, factory, arguments, Map.of(), log);
    }

    /**
     * As {@link #start(String, int, Class, List, Path)}, with {@code environment} in the new JVM's
     * environment: the place for secrets, which the command line would show to every user of the machine.
     * Of this JVM's own environment only {@link #INHERITED} is passed on, so whatever configures the
     * caller (paths, keys) does not reach the server unless handed over on purpose.
     */
    public static Z3950ServerProcess start(String host, int port, Class<? extends CatalogBackend.Factory> factory,
            List<String> arguments, Map<String, String> environment, Path log) {
        Objects.requireNonNull(factory, "factory");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Z3950ServerMain.class.getName(), host, Integer.toString(port), factory.getName()));
        command.addAll(arguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> childEnvironment = builder.environment();
            childEnvironment.keySet().retainAll(INHERITED);
            childEnvironment.putAll(environment);
            Process process = builder.start();
            Z3950ServerProcess server = new Z3950ServerProcess(process, host, port, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    public int port() {
        return port;
    }

    /** The server's output: GFS's log lines and the backend's. */
    public Path log() {
        return log;
    }

    /** The server JVM's exit code once it ended: 0 after a clean {@link #close}. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the process ended on its own; waitFor tells
        }
        try {
            if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the line {@link Z3950ServerMain} prints once GFS has bound its port. Not a test
     * connection: that would also succeed against whoever else holds the port.
     */
    private void awaitListening() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (readLog().contains(Z3950ServerMain.LISTENING)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the Z39.50 server exited with " + process.exitValue()
                        + " before listening on " + host + ":" + port + "; its log:\n" + readLog());
            }
            pause();
        }
        close();
        throw new IllegalStateException("the Z39.50 server did not listen on " + host + ":" + port
                + " within " + STARTUP + "; its log:\n" + readLog());
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Z39.50 server", e);
        }
    }
}
