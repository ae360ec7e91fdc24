package org.tongjie.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.UnionRecord;

/**
 * Union records as an OAI-PMH provider publishes them: each with the datestamp of its last change and, once
 * gone, a tombstone, listed in (datestamp, id) order so a harvest can resume from any point while records
 * change. The indexer stages what it writes to the index ({@link #stage}) and publishes it after the index
 * commits ({@link #publish}); a change whose content is the same as before (a re-harvest, an index rebuild)
 * keeps its datestamp.
 */
public interface PublishedUnions {
    /** A published union record: when it last changed, whether it is deleted, who holds (or last held) it. */
    record Entry(String unionId, Instant datestamp, boolean deleted, List<String> libraries) {
        public Entry {
            libraries = List.copyOf(libraries);
        }
    }

    /** A position in (datestamp, id) order: the last entry a page gave. */
    record Cursor(Instant datestamp, String unionId) {}

    /** Which entries to list: datestamps within [from, until], held by a library, after a cursor. */
    record Window(Optional<Instant> from, Optional<Instant> until, Optional<String> library, Optional<Cursor> after) {}

    /**
     * Records the union records now built from {@code affected} source records: new or changed ones are
     * staged, and those the affected records were in before and that are no longer there become tombstones.
     */
    void stage(Collection<String> affected, List<UnionRecord> unions);

    /** Gives every staged change the datestamp {@code at}; one never published and already gone is dropped. */
    void publish(Instant at);

    /** At most {@code limit} entries of the window in (datestamp, id) order. */
    List<Entry> list(Window window, int limit);

    Optional<Entry> get(String unionId);

    /** The earliest datestamp published, if anything was. */
    Optional<Instant> earliest();
}
