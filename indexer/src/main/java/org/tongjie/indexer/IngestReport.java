package org.tongjie.indexer;

import java.util.List;
import java.util.Optional;

/**
 * What became of an uploaded or harvested file: {@code accepted} records are new to the hub,
 * {@code updated} replaced an earlier version, {@code unchanged} were already there as sent,
 * {@code deleted} were marked deleted by the member, {@code quarantined} could not be read;
 * {@code warnings} say what the hub repaired in records it stored, so the member can fix them at home.
 */
public record IngestReport(
        long batchId,
        String libraryId,
        int accepted,
        int updated,
        int unchanged,
        int deleted,
        int quarantined,
        List<Problem> problems,
        List<Warning> warnings) {

    public IngestReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A report with nothing repaired. */
    public IngestReport(long batchId, String libraryId, int accepted, int updated, int unchanged, int deleted,
            int quarantined, List<Problem> problems) {
        this(batchId, libraryId, accepted, updated, unchanged, deleted, quarantined, problems, List.of());
    }

    /** One quarantined record: where it stood in the file (1 = first), its id if it had one, and why. */
    public record Problem(long position, Optional<String> sourceId, String reason) {}

    /** One record stored as repaired: where it stood in the file, its id, and what was repaired. */
    public record Warning(long position, String sourceId, String repair) {}
}
