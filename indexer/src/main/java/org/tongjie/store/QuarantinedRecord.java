package org.tongjie.store;

import java.time.Instant;
import java.util.Optional;

/** A record that could not be ingested, kept with where it stood in its batch and why. */
public record QuarantinedRecord(
        long id,
        long batchId, String libraryId, long position, Optional<String> sourceId, String reason, byte[] raw,
        Instant receivedAt) {}
