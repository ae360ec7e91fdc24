package org.tongjie.harvest.oai;

import java.time.Instant;
import java.util.Optional;

/**
 * A completed ListRecords walk.
 *
 * @param pages pages read (a {@code noRecordsMatch} answer counts as one empty page)
 * @param records records delivered to the sink, deleted ones included
 * @param responseDate the provider's clock when it answered the first request: the safe {@code from} of the
 *     next incremental harvest, since it does not depend on our clock agreeing with the provider's
 */
public record HarvestSummary(int pages, long records, Optional<Instant> responseDate) {}
