package org.tongjie.harvest.oai;

import java.util.Objects;
import java.util.Optional;

/**
 * One harvested record. {@code metadata} is the single element inside {@code <metadata>} (for
 * {@code marc21} a MARCXML {@code record}) as a standalone UTF-8 XML document with every namespace it
 * uses declared; empty for a deleted record. The array belongs to the receiver.
 */
public record OaiRecord(OaiHeader header, Optional<byte[]> metadata) {
    public OaiRecord {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(metadata, "metadata");
        if (header.deleted() && metadata.isPresent()) {
            throw new IllegalArgumentException("a deleted record carries no metadata: " + header.identifier());
        }
    }
}
