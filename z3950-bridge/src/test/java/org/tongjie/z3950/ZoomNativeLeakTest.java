package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Every connection and result set is released: a leaked ZOOM connection keeps its socket, so hundreds of
 * rounds would leave hundreds more open file descriptors; a leaked result set keeps its records in the C
 * heap. Isolated, because other test classes open files and allocate while they run.
 */
@Isolated
class ZoomNativeLeakTest {
    private static final int ROUNDS = 600;
    private static final Path OWN_FDS = Path.of("/proc/self/fd");
    /**
     * The JVM mallocs too (the JIT, the GC): measured here, its use swings by up to 10 MB either way over a
     * few hundred rounds, with no trend. Leaking the result sets (each holding its 30 presented records)
     * grew it by about 38 MB over these 600 rounds. A leaked query alone (1 kB) would hide in the noise.
     */
    private static final long MALLOC_SLACK = 25_000_000;

    @Test
    void hundredsOfRoundsLeaveNoFileDescriptorsBehind(@TempDir Path dir) throws IOException {
        Peer.requireInstalled("/usr/bin/yaz-ztest", "yaz");
        try (Peer ztest = Peer.start(dir, "/usr/bin/yaz-ztest")) {
            ZoomTarget target = ZoomTarget.of("127.0.0.1", ztest.port(), "Default")
                    .withTimeout(Duration.ofSeconds(10));
            rounds(target, 300); // class loading, the JIT, libyaz's one-time allocations
            long before = openFileDescriptors();
            long heapBefore = Malloc.allocatedBytes();

            rounds(target, ROUNDS);

            long after = openFileDescriptors();
            long heapAfter = Malloc.allocatedBytes();
            assertTrue(after - before <= 2, ROUNDS + " rounds went from " + before + " to " + after
                    + " open file descriptors");
            assertTrue(heapAfter - heapBefore < MALLOC_SLACK, ROUNDS + " rounds grew the C heap from "
                    + heapBefore + " to " + heapAfter + " bytes in use");
        }
    }

    private static void rounds(ZoomTarget target, int count) {
        for (int round = 0; round < count; round++) {
            try (ZoomConnection connection = ZoomConnection.open(target);
                 ZoomResultSet found = connection.search(new Query.Pqf("@attr 1=4 30"))) {
                assertEquals(30, found.records(0, 30).size());
            }
        }
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(OWN_FDS)) {
            return fds.count();
        }
    }
}
