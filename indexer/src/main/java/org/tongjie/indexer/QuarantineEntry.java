package org.tongjie.indexer;

import java.time.Instant;
import java.util.Optional;

/** One quarantined record as members see it; its bytes are fetched separately. */
public record QuarantineEntry(
        long id, long batchId, long position, Optional<String> sourceId, String reason, int bytes, Instant receivedAt) {}
