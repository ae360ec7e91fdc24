package org.tongjie.ill;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run in a JVM of its own by {@link KillDuringBurstTest}: staff threads push the same requests through
 * the whole loan track at once, each reading the request and applying the next move with the version it
 * saw. Each acknowledged move is printed ("ok ID VERSION") only after its commit returned; the test kills
 * this process with SIGKILL in the middle of it.
 */
public final class StaffBurst {
    private StaffBurst() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int requests = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        IllStore store = IllStore.openSqlite(file, Clock.systemUTC());
        var track = Track.LOAN_AT_SERVICE_POINT;
        List<Action> path = completion(track);
        var ids = new ArrayList<Long>();
        for (int i = 0; i < requests; i++) {
            ids.add(Walk.create(store, track).id());
        }
        System.out.println("created " + requests);
        System.out.flush();
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            String actor = "staff-" + t;
            workers.add(Thread.ofPlatform().start(() -> {
                var random = ThreadLocalRandom.current();
                while (true) {
                    long id = ids.get(random.nextInt(ids.size()));
                    IllRequest r = store.find(id).orElseThrow();
                    if (r.version() >= path.size()) {
                        continue;
                    }
                    Action next = path.get((int) r.version());
                    try {
                        IllRequest after = store.apply(id, r.version(), Walk.sample(next), actor, "");
                        synchronized (System.out) {
                            System.out.println("ok " + id + " " + after.version());
                            System.out.flush();
                        }
                    } catch (ConcurrentChangeException e) {
                        // another thread got there first: read again
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
    }

    /** The shortest walk from REQUESTED to COMPLETED on the track, avoiding the rota detour. */
    static List<Action> completion(Track track) {
        Map<RequestState, List<Action>> paths = Walk.shortestPaths(track);
        return paths.get(RequestState.COMPLETED);
    }
}
