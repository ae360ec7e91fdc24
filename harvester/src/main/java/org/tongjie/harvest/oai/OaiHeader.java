package org.tongjie.harvest.oai;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A record's OAI-PMH header: its identifier at the provider, when it last changed, its sets, deleted or not. */
public record OaiHeader(String identifier, Instant datestamp, List<String> setSpecs, boolean deleted) {
    public OaiHeader {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(datestamp, "datestamp");
        setSpecs = List.copyOf(setSpecs);
    }
}
