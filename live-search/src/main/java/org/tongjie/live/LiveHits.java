package org.tongjie.live;

import java.util.Optional;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.indexer.MarcRecords;
import org.tongjie.search.SearchHit;

/** A record fetched from a live member, read and normalised the way harvested records are, as a hit. */
final class LiveHits {
    private LiveHits() {}

    /** Empty when the bytes are not a usable bibliographic record (a live answer skips it rather than failing). */
    static Optional<SearchHit> hit(String libraryId, byte[] raw) {
        return MarcRecords.describe(libraryId, raw).map(UnionRecord::single).map(SearchHit::of);
    }
}
