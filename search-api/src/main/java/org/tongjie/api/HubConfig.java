package org.tongjie.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the hub can be told at start, with defaults that run it on one machine: data under
 * {@code ./data}, HTTP on port 7070, the demo network loaded into an empty catalogue.
 */
public record HubConfig(Path dataDir, int port, boolean loadDemo) {
    public static final int DEFAULT_PORT = 7070;

    public HubConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
        }
    }

    public static HubConfig defaults() {
        return new HubConfig(Path.of("data"), DEFAULT_PORT, true);
    }

    public HubConfig withDataDir(Path dir) {
        return new HubConfig(dir, port, loadDemo);
    }

    public HubConfig withPort(int p) {
        return new HubConfig(dataDir, p, loadDemo);
    }

    public HubConfig withoutDemo() {
        return new HubConfig(dataDir, port, false);
    }
}
