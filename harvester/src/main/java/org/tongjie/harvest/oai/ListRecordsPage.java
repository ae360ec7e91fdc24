package org.tongjie.harvest.oai;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One ListRecords response, read whole before any of it reaches the sink. */
record ListRecordsPage(List<OaiRecord> records, PageCheckpoint checkpoint, Optional<Instant> responseDate) {
    ListRecordsPage {
        records = List.copyOf(records);
    }
}
