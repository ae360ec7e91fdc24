package org.tongjie.harvest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One harvest run of a member as the harvest log keeps it.
 *
 * @param kind    the source harvested: {@code oai-pmh} or {@code z3950}
 * @param trigger what started it: {@code schedule}, {@code manual} (the API), {@code resume} (after a restart)
 * @param pages   pages stored so far (the run's progress while it runs)
 * @param records records read so far
 * @param error   why the run failed, when it did
 */
public record HarvestRun(long id, String libraryId, String kind, String trigger, Status status, Instant startedAt,
                         Optional<Instant> finishedAt, Instant updatedAt, long pages, long records, int added,
                         int updated, int unchanged, int deleted, int quarantined, Optional<String> error) {
    public enum Status { RUNNING, SUCCEEDED, FAILED, INTERRUPTED }

    public HarvestRun {
        Objects.requireNonNull(libraryId, "libraryId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(error, "error");
    }

    /** How long it ran, or has been running as of its last progress. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt.orElse(updatedAt));
    }

    /** Records read per second over the run so far. */
    public double recordsPerSecond() {
        double seconds = duration().toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.round(records / seconds * 10) / 10.0;
    }
}
