package org.tongjie.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordSyntax;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.store.Change;
import org.tongjie.store.IngestBatch;
import org.tongjie.store.RecordStore;
import org.tongjie.testing.PostgresServer;

/**
 * Two hub nodes (two stores, two connection pools) writing one catalogue at once, while a third follows the
 * changes as the index does: change numbers commit in order across the nodes, so the follower, reading on
 * from the last change it saw, misses none.
 */
class TwoNodesTest {
    private static final int BATCHES = 6;
    private static final int RECORDS = 120;

    @Test
    void aFollowerOfTheChangesMissesNoneWhileTwoNodesWrite() throws Exception {
        String url = PostgresServer.freshDatabase();
        try (var a = PostgresRecordStore.open(url); var b = PostgresRecordStore.open(url);
             var follower = PostgresRecordStore.open(url)) {
            a.saveLibrary(library("lib-a"));
            b.saveLibrary(library("lib-b"));
            var writing = new AtomicBoolean(true);
            Map<String, Long> followed;
            // Threads of their own: the common pool may have one worker on a small machine.
            try (var threads = Executors.newFixedThreadPool(3)) {
                var seen = threads.submit(() -> follow(follower, writing));
                var writers = List.of(threads.submit(() -> write(a, "lib-a")), threads.submit(() -> write(b, "lib-b")));
                for (var writer : writers) {
                    writer.get();
                }
                writing.set(false);
                followed = seen.get();
            }
            var all = follower.changesSince(0, 100_000);
            assertEquals(2 * BATCHES * RECORDS, all.size());
            var stored = new HashMap<String, Long>();
            all.forEach(c -> stored.put(c.record().recordId(), c.seq()));
            assertEquals(stored, followed, "the follower saw every record at its last change number");
            var membersBySeq = new HashMap<Long, Set<String>>();
            all.forEach(c -> membersBySeq.computeIfAbsent(c.seq(), s -> new HashSet<>()).add(c.record().libraryId()));
            membersBySeq.values().forEach(members -> assertEquals(1, members.size(), "one change number, one node's slice"));
        }
    }

    private static void write(RecordStore store, String library) {
        for (int b = 0; b < BATCHES; b++) {
            try (var batch = store.beginBatch(library, "harvest", Instant.now(), IngestBatch.Mode.INCREMENTAL)) {
                for (int i = 0; i < RECORDS; i++) {
                    batch.put(new SourceRecord(library, b + "-" + i, RecordSyntax.ISO2709,
                            (library + b + i).getBytes(StandardCharsets.UTF_8), Instant.now(), false));
                    if (i % 40 == 39) {
                        batch.flush();
                    }
                }
                batch.finish(Instant.now());
            }
        }
    }

    /** Reads on from the last change seen, as the index's catch-up does, until the writers are done. */
    private static Map<String, Long> follow(RecordStore store, AtomicBoolean writing) {
        var seen = new HashMap<String, Long>();
        Optional<Change> last = Optional.empty();
        boolean more = true;
        while (writing.get() || more) {
            List<Change> page = last.isPresent() ? store.changesAfter(last.get(), 50) : store.changesSince(0, 50);
            page.forEach(c -> seen.put(c.record().recordId(), c.seq()));
            if (!page.isEmpty()) {
                last = Optional.of(page.getLast());
            }
            more = !page.isEmpty();
        }
        return new HashMap<>(seen);
    }

    private static Library library(String id) {
        return new Library(id, id, id, LibraryKind.CENTRAL, Optional.empty(), "", Optional.empty());
    }
}
