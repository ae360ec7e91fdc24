package org.tongjie.app.z3950;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tongjie.z3950.ElementSet;
import org.tongjie.z3950.RecordSyntax;

/**
 * Records fetched ahead of the position a client asked for, each served once: a Present of 10 asks for
 * them one by one right after the first. Kept by result set (its handle; the same query's sets share them),
 * position, syntax and element set. Bounded in number and age, so records nobody asks for do not
 * stay, and a record the hub changed is not served from here long after.
 */
final class Prefetched {
    static final int CAPACITY = 2_000;
    private static final Duration FRESH = Duration.ofSeconds(30);

    private record Key(String handle, int position, RecordSyntax syntax, ElementSet elements) {}

    private record Fetched(HubReads.Served served, long fetchedAt) {}

    private final Map<Key, Fetched> entries = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Fetched> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void put(String handle, int position, RecordSyntax syntax, ElementSet elements, HubReads.Served served) {
        entries.put(new Key(handle, position, syntax, elements), new Fetched(served, System.nanoTime()));
    }

    /** The record fetched ahead, once: a second ask goes to the hub again. */
    synchronized Optional<HubReads.Served> take(String handle, int position, RecordSyntax syntax, ElementSet elements) {
        return Optional.ofNullable(entries.remove(new Key(handle, position, syntax, elements)))
                .filter(e -> System.nanoTime() - e.fetchedAt() < FRESH.toNanos())
                .map(Fetched::served);
    }
}
