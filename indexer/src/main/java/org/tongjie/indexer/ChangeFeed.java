package org.tongjie.indexer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongjie.store.PublishedUnions;

/**
 * Union records by when they last changed, tombstones included: what the OAI-PMH provider serves. A datestamp
 * is given once the index shows the change, so a harvester is never handed a datestamp older than the moment
 * it could see it.
 */
public final class ChangeFeed {
    private final PublishedUnions published;

    ChangeFeed(PublishedUnions published) {
        this.published = published;
    }

    /** At most {@code limit} entries of the window in (datestamp, id) order. */
    public List<PublishedUnions.Entry> list(PublishedUnions.Window window, int limit) {
        return published.list(window, limit);
    }

    /** The union record's last change, if it was ever published. */
    public Optional<PublishedUnions.Entry> get(String unionId) {
        return published.get(unionId);
    }

    /** The earliest datestamp published, if anything was. */
    public Optional<Instant> earliest() {
        return published.earliest();
    }
}
