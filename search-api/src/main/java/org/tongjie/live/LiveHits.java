package org.tongjie.live;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.index.SearchHit;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;

/** A record fetched from a live member, read and normalised the way harvested records are, as a hit. */
final class LiveHits {
    private LiveHits() {}

    /** Empty when the bytes are not a usable bibliographic record (a live answer skips it rather than failing). */
    static Optional<SearchHit> hit(String libraryId, byte[] raw) {
        try (MarcSource in = MarcSource.open(new ByteArrayInputStream(raw))) {
            if (in.hasNext() && in.next() instanceof MarcEntry.Parsed parsed) {
                return Normalizer.normalize(libraryId, parsed).map(UnionRecord::single).map(SearchHit::of);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
