package org.tongjie.z3950;

import java.util.Objects;

/**
 * What a {@link CatalogBackend} found: the hit count the client is told, and the backend's own handle
 * for presenting the records later (the server keeps it under the client's result set name).
 */
public record SearchResult(long hits, String handle) {
    public SearchResult {
        if (hits < 0) {
            throw new IllegalArgumentException("hits must not be negative: " + hits);
        }
        Objects.requireNonNull(handle, "handle");
    }
}
