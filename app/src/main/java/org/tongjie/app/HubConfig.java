package org.tongjie.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the hub can be told at start, with defaults that run it on one machine: data under
 * {@code ./data}, HTTP on port 7070, the Z39.50 server on port 2100 (0: off), the demo network loaded
 * into an empty catalogue, and its member directory unless {@code --members FILE} names another.
 */
public record HubConfig(Path dataDir, int port, int z3950Port, boolean loadDemo, Optional<Path> membersFile) {
    public static final int DEFAULT_PORT = 7070;
    /** Z39.50's registered port is 210, which needs root; 2100 is what YAZ's and Koha's examples use. */
    public static final int DEFAULT_Z3950_PORT = 2100;

    public HubConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(membersFile, "membersFile");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
        }
        if (z3950Port < 0 || z3950Port > 65_535) {
            throw new IllegalArgumentException("--z3950-port must be between 0 (off) and 65535, was " + z3950Port);
        }
        if (z3950Port != 0 && z3950Port == port) {
            throw new IllegalArgumentException("--z3950-port must differ from --port, both were " + port);
        }
    }

    public static HubConfig defaults() {
        return new HubConfig(Path.of("data"), DEFAULT_PORT, DEFAULT_Z3950_PORT, true, Optional.empty());
    }

    public HubConfig withDataDir(Path dir) {
        return new HubConfig(dir, port, z3950Port, loadDemo, membersFile);
    }

    public HubConfig withPort(int p) {
        return new HubConfig(dataDir, p, z3950Port, loadDemo, membersFile);
    }

    /** 0 turns the Z39.50 server off. */
    public HubConfig withZ3950Port(int p) {
        return new HubConfig(dataDir, port, p, loadDemo, membersFile);
    }

    public HubConfig withoutDemo() {
        return new HubConfig(dataDir, port, z3950Port, false, membersFile);
    }

    /** The member directory file to read at start instead of the bundled demo network's. */
    public HubConfig withMembersFile(Path file) {
        return new HubConfig(dataDir, port, z3950Port, loadDemo, Optional.of(file));
    }

    public boolean z3950Enabled() {
        return z3950Port != 0;
    }
}
