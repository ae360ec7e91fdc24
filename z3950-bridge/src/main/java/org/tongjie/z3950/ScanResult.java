package org.tongjie.z3950;

import java.util.List;

/**
 * What a {@link CatalogBackend} answers a Scan with: terms in index order and the 1-based position of the
 * start term (or of the first term after it) among them.
 */
public record ScanResult(List<ScanTerm> terms, int position) {
    public ScanResult {
        terms = List.copyOf(terms);
    }
}
