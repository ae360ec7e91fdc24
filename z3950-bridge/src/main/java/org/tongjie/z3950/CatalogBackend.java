package org.tongjie.z3950;

import java.util.List;

/**
 * What the Z39.50 server serves: a search over Type-1 (RPN) queries and records by position. Called from
 * GFS's session threads, concurrently: implementations must be thread-safe. Anything refused is a
 * {@link Bib1Exception}; any other exception becomes Bib-1 diagnostic 2 (temporary system error).
 */
public interface CatalogBackend {

    /** Runs {@code query}; the result's handle comes back in {@link #record}. */
    SearchResult search(RpnQuery query);

    /**
     * Record {@code position} (1-based, at most {@code result.hits()}) of {@code result}, encoded in
     * {@code syntax}: ISO 2709 for USMARC and UNIMARC, a UTF-8 MARCXML document for MARCXML. A record that
     * cannot be given in that syntax (a CNMARC record asked for as USMARC) is Bib-1 227.
     */
    byte[] record(SearchResult result, int position, RecordSyntax syntax);

    /**
     * Builds the backend inside the server's own JVM ({@link Z3950ServerProcess} starts it, see the module
     * README for why): implementations need a public no-argument constructor.
     */
    interface Factory {
        CatalogBackend create(List<String> arguments);
    }
}
