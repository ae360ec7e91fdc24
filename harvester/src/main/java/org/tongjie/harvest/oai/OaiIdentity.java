package org.tongjie.harvest.oai;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** What a repository says about itself in its Identify response. */
public record OaiIdentity(String repositoryName, URI baseUrl, Instant earliestDatestamp, Granularity granularity,
        DeletedRecordPolicy deletedRecord) {
    public OaiIdentity {
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(earliestDatestamp, "earliestDatestamp");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(deletedRecord, "deletedRecord");
    }
}
