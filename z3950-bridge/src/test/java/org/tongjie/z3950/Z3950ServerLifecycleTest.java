package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.testing.SharedData;

/** Starting and stopping the server's JVM: a clean stop exits 0, a taken port fails with GFS's words. */
class Z3950ServerLifecycleTest {
    @TempDir
    Path workDir;
    private Path sample;

    @BeforeEach
    void requireYaz() {
        Peer.requireInstalled("/usr/bin/zoomsh", "yaz");
        sample = SharedData.file("idzebra-examples/marc21/sample-marc").toAbsolutePath().normalize();
    }

    @Test
    void closeStopsTheServerCleanlyEvenWithASessionOpen() throws Exception {
        Z3950ServerProcess server = Z3950ServerProcess.start("127.0.0.1", Peer.freePort(),
                InMemoryTestBackend.Factory.class, List.of(sample.toString()), workDir.resolve("server.log"));
        ZoomTarget target = ZoomTarget.of("127.0.0.1", server.port(), "Default").withTimeout(Duration.ofSeconds(10));
        try (ZoomConnection open = ZoomConnection.open(target)) {
            open.search(new Query.Pqf("@attr 1=4 computer")).close();
            server.close();
        }

        assertEquals(OptionalInt.of(0), server.exitCode(), Files.readString(server.log()));
    }

    @Test
    void aTakenPortFailsAtStartWithTheServersLog() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            // Held by someone else, the port still accepts connections: readiness must not be judged by
            // connecting (it was, and this start "succeeded" against the holder).
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Z3950ServerProcess.start(
                    "127.0.0.1", taken.getLocalPort(), InMemoryTestBackend.Factory.class,
                    List.of(sample.toString()), workDir.resolve("server.log")).close());
            assertTrue(e.getMessage().contains("Failed to bind to tcp:127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }
}
