package org.tongjie.indexer;

import java.util.List;

/** A page of a member's quarantine and how many entries it holds in all. */
public record QuarantinePage(long total, int page, int size, List<QuarantineEntry> entries) {
    public QuarantinePage {
        entries = List.copyOf(entries);
    }
}
