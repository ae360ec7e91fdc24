package org.tongjie.indexer;

import java.util.Optional;
import org.tongjie.store.QuarantinedRecord;
import org.tongjie.store.RecordStore;

/** What could not be read from members' files, kept with its reason and its bytes. */
public final class Quarantine {
    private final RecordStore store;
    private final Libraries libraries;

    Quarantine(RecordStore store, Libraries libraries) {
        this.store = store;
        this.libraries = libraries;
    }

    /**
     * A member's quarantine, newest batch first, page {@code page} (from 1) of {@code size} entries.
     *
     * @throws UnknownLibraryException if the member is not in the directory
     */
    public QuarantinePage page(String libraryId, int page, int size) {
        libraries.require(libraryId);
        var entries = store.quarantine(libraryId, (page - 1) * size, size).stream()
                .map(q -> new QuarantineEntry(q.id(), q.batchId(), q.position(), q.sourceId(), q.reason(), q.raw().length,
                        q.receivedAt()))
                .toList();
        return new QuarantinePage(store.quarantineCount(libraryId), page, size, entries);
    }

    /** The bytes of a quarantined record exactly as the member sent them. */
    public Optional<byte[]> bytes(String libraryId, long entryId) {
        libraries.require(libraryId);
        return store.quarantined(libraryId, entryId).map(QuarantinedRecord::raw);
    }
}
