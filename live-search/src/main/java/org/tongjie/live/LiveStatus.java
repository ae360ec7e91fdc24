package org.tongjie.live;

import java.util.Objects;
import java.util.Optional;

/**
 * How one live member's search went, as the search response reports it.
 *
 * @param libraryId the member
 * @param status    whether it answered in time
 * @param hits      the hit count its target reported (0 unless OK); fewer come back as hits
 * @param message   why it failed and what to check; absent when OK
 * @param millis    how long it took, or how long we waited before giving up on it
 */
public record LiveStatus(String libraryId, Status status, long hits, Optional<String> message, long millis) {

    public enum Status {
        /** The target answered; its first records are among the live hits. */
        OK,
        /** No answer within the member's timeout: the search went on without it. */
        TIMEOUT,
        /** The target could not be reached, refused the search, or sent something we cannot use. */
        ERROR
    }

    public LiveStatus {
        Objects.requireNonNull(libraryId, "libraryId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
