package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Eight staff (or double clicks) ship the same request at the same moment: exactly one succeeds. */
class ConcurrentShipTest {
    private static final int THREADS = 8;

    @TempDir
    Path dir;

    IllStore openStore(Clock clock) {
        return IllStore.openSqlite(dir.resolve("ill.db"), clock);
    }

    @RepeatedTest(5)
    void exactlyOneShipWins() throws Exception {
        IllStore store = openStore(Clock.fixed(Walk.T0, ZoneOffset.UTC));
        IllRequest picked = Walk.driveTo(store, Track.LOAN_AT_SERVICE_POINT, RequestState.PICKED);
        var barrier = new CyclicBarrier(THREADS);
        var results = new ArrayList<Future<String>>();
        // Platform threads: a JDBC call into SQLite's native code would pin a virtual thread anyway.
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int i = 0; i < THREADS; i++) {
                String actor = "staff-" + i;
                results.add(pool.submit(() -> {
                    long seen = store.find(picked.id()).orElseThrow().version();
                    barrier.await();
                    try {
                        store.apply(picked.id(), seen, Command.ship("EMS", "W-" + actor), actor, "");
                        return "won";
                    } catch (ConcurrentChangeException e) {
                        assertEquals(picked.id(), e.requestId());
                        assertEquals(picked.version(), e.seenVersion());
                        return "lost";
                    }
                }));
            }
        }
        long winners = 0;
        for (var result : results) {
            winners += result.get().equals("won") ? 1 : 0;
        }
        assertEquals(1, winners);
        var shipped = store.events(picked.id()).stream().filter(e -> e.to() == RequestState.SHIPPED).toList();
        assertEquals(1, shipped.size());
        IllRequest now = store.find(picked.id()).orElseThrow();
        assertEquals(RequestState.SHIPPED, now.state());
        assertEquals(picked.version() + 1, now.version());
    }
}
