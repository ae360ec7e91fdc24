package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Targets that cannot be reached or never answer must fail within the timeout, never hang. */
class ZoomUnreachableTargetTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SLACK = Duration.ofSeconds(2);

    @BeforeEach
    void requireLibyaz() {
        Peer.requireLibyaz();
    }

    @Test
    void aClosedPortFailsAtOnceWithConnectFailedNamingTheTarget() {
        ZoomTarget closed = ZoomTarget.of("127.0.0.1", Peer.freePort(), "Default").withTimeout(TIMEOUT);

        long started = System.nanoTime();
        ZoomException failed = assertThrows(ZoomException.class, () -> ZoomConnection.open(closed));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(10000, failed.code());
        assertEquals(closed.zurl(), failed.target());
        assertTrue(failed.getMessage().startsWith(closed.zurl() + ": Connect failed (ZOOM-C 10000)"),
                failed.getMessage());
        assertTrue(took.compareTo(TIMEOUT.plus(SLACK)) < 0, "took " + took);
    }

    /** A real TCP listener that accepts and then says nothing, as a hung Z39.50 server would. */
    @Test
    void aTargetThatNeverAnswersTimesOutWithinTheTimeout() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> acceptForever(silent, accepted));
            ZoomTarget mute = ZoomTarget.of("127.0.0.1", silent.getLocalPort(), "Default")
                    .withTimeout(Duration.ofSeconds(1));

            long started = System.nanoTime();
            ZoomException failed = assertThrows(ZoomException.class, () -> ZoomConnection.open(mute));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(10007, failed.code(), failed.getMessage());
            assertTrue(failed.getMessage().startsWith(mute.zurl() + ": "), failed.getMessage());
            assertTrue(took.compareTo(mute.timeout().plus(SLACK)) < 0, "took " + took);
            acceptor.interrupt();
        } finally {
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }

    private static void acceptForever(ServerSocket server, List<Socket> accepted) {
        try {
            while (true) {
                Socket socket = server.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
            }
        } catch (IOException serverClosed) {
            // The test is over.
        }
    }
}
