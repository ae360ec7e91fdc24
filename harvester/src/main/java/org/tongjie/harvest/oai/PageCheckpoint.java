package org.tongjie.harvest.oai;

import java.util.Objects;
import java.util.Optional;

/**
 * The state after one ListRecords page: persist {@code nextToken} together with the page's records, and a
 * restarted harvest resumes with it. Empty {@code nextToken} means the list is complete.
 *
 * @param nextToken the resumption token for the next page; empty on the last page
 * @param recordsInPage how many records (deleted ones included) the page held
 * @param completeListSize the provider's count of the whole list, when it gives one
 * @param cursor the provider's position of this page's first record in the list, when it gives one
 */
public record PageCheckpoint(Optional<String> nextToken, int recordsInPage, Optional<Integer> completeListSize,
        Optional<Integer> cursor) {
    public PageCheckpoint {
        Objects.requireNonNull(nextToken, "nextToken");
        Objects.requireNonNull(completeListSize, "completeListSize");
        Objects.requireNonNull(cursor, "cursor");
    }

    public boolean lastPage() {
        return nextToken.isEmpty();
    }
}
