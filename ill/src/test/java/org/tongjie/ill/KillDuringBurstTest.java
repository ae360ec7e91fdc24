package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a burst of parallel staff actions loses no acknowledged transition and leaves
 * no half-written one: afterwards every request's version equals its number of events, the events run
 * seq 1..n with each one starting where the previous ended, every move is in the table, and every move
 * the killed process saw committed is there.
 */
class KillDuringBurstTest {
    private static final int REQUESTS = 40;
    private static final int THREADS = 6;
    private static final int KILL_AFTER = 400;

    @TempDir
    Path dir;

    @RepeatedTest(3)
    void sigkillDuringParallelStaffActionsLosesOrDoublesNothing() throws Exception {
        Path db = dir.resolve("ill.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StaffBurst.class.getName(), db.toString(), Integer.toString(REQUESTS), Integer.toString(THREADS))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<Long, Long> acknowledged = new HashMap<>();
        int acks = 0;
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ok ")) {
                    String[] parts = line.split(" ");
                    acknowledged.merge(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Math::max);
                    if (++acks == KILL_AFTER) {
                        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no close
                        break; // destroying the process closes our end of its output
                    }
                }
            }
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(acks >= KILL_AFTER, "the burst ran before the kill (" + acks + " moves)");

        try (IllStore store = IllStore.openSqlite(db, Clock.systemUTC())) {
            List<IllRequest> requests = store.inStates(EnumSet.allOf(RequestState.class));
            assertEquals(REQUESTS, requests.size());
            var problems = new ArrayList<String>();
            for (IllRequest r : requests) {
                long id = r.id();
                long version = r.version();
                List<RequestEvent> events = store.events(id);
                if (version != events.size()) {
                    problems.add("request " + id + ": version " + version + " but " + events.size() + " events");
                }
                RequestState at = RequestState.REQUESTED;
                long seq = 0;
                for (RequestEvent e : events) {
                    seq++;
                    if (e.seq() != seq || e.from() != at
                            || Transitions.next(r.track(), e.from(), e.action()).filter(e.to()::equals).isEmpty()) {
                        problems.add("request " + id + ": event " + e.seq() + " " + e.from() + " -" + e.action() + "-> "
                                + e.to() + " does not follow " + at);
                    }
                    at = e.to();
                }
                if (at != r.state()) {
                    problems.add("request " + id + ": state " + r.state() + " but its events end at " + at);
                }
                long acked = acknowledged.getOrDefault(id, 0L);
                if (version < acked) {
                    problems.add("request " + id + ": the killed process saw version " + acked + " committed, now " + version);
                }
            }
            assertEquals(List.of(), problems);
        }
    }
}
