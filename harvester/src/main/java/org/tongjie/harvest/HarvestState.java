package org.tongjie.harvest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a member's harvest stands. A run cut off part-way resumes from {@code resumeToken}, keeping the
 * {@code runStartedAt} of the run it continues; a finished run moves {@code nextFrom} to when it started,
 * so the next incremental run misses nothing changed while it ran.
 */
public record HarvestState(Optional<String> resumeToken, Optional<Instant> runStartedAt, Optional<Instant> nextFrom) {
    public HarvestState {
        Objects.requireNonNull(resumeToken, "resumeToken");
        Objects.requireNonNull(runStartedAt, "runStartedAt");
        Objects.requireNonNull(nextFrom, "nextFrom");
    }

    public static HarvestState fresh() {
        return new HarvestState(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The state after a page: resume from this token, within the run that started then. */
    public HarvestState atPage(Optional<String> token, Instant startedAt) {
        return new HarvestState(token, Optional.of(startedAt), nextFrom);
    }

    /** The state after a finished run: nothing to resume; next time, ask for changes since it started. */
    public HarvestState finished(Instant startedAt) {
        return new HarvestState(Optional.empty(), Optional.empty(), Optional.of(startedAt));
    }
}
