package org.tongjie.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the hub can be told at start, with defaults that run it on one machine: data under
 * {@code ./data}, HTTP on port 7070, the Z39.50 server on port 2100 (0: off), the demo network loaded
 * into an empty catalogue.
 */
public record HubConfig(Path dataDir, int port, int z3950Port, boolean loadDemo) {
    public static final int DEFAULT_PORT = 7070;
    /** Z39.50's registered port is 210, which needs root; 2100 is what YAZ's and Koha's examples use. */
    public static final int DEFAULT_Z3950_PORT = 2100;

    public HubConfig {
        Objects.requireNonNull(dataDir, "dataDir");
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
        return new HubConfig(Path.of("data"), DEFAULT_PORT, DEFAULT_Z3950_PORT, true);
    }

    public HubConfig withDataDir(Path dir) {
        return new HubConfig(dir, port, z3950Port, loadDemo);
    }

    public HubConfig withPort(int p) {
        return new HubConfig(dataDir, p, z3950Port, loadDemo);
    }

    /** 0 turns the Z39.50 server off. */
    public HubConfig withZ3950Port(int p) {
        return new HubConfig(dataDir, port, p, loadDemo);
    }

    public HubConfig withoutDemo() {
        return new HubConfig(dataDir, port, z3950Port, false);
    }

    public boolean z3950Enabled() {
        return z3950Port != 0;
    }
}
