package org.tongjie.z3950;

import java.util.List;

/**
 * What the Z39.50 server serves: a search over Type-1 (RPN) queries and records by position, and if the
 * backend can, Scan and Sort. Called from GFS's session threads, concurrently: implementations must be
 * thread-safe. Anything refused is a {@link Bib1Exception}; any other exception becomes Bib-1 diagnostic 2
 * (temporary system error).
 */
public interface CatalogBackend {
    /** Bib-1 2 for a Scan or Sort a backend does not offer: clients are told it, as for any refusal. */
    int NOT_OFFERED = 2;

    /** Runs {@code query}; the result's handle comes back in {@link #record}. */
    SearchResult search(RpnQuery query);

    /**
     * Record {@code position} (1-based, at most {@code result.hits()}) of {@code result}, encoded in
     * {@code syntax}: ISO 2709 for USMARC and UNIMARC, a UTF-8 MARCXML document for MARCXML, and for OPAC
     * an XML document as YAZ's {@code yaz_xml_to_opac} reads it ({@code <opacRecord>} with a MARCXML
     * {@code <bibliographicRecord>} and {@code <holdings>}). A record that cannot be given in that syntax
     * (a CNMARC record asked for as USMARC) is Bib-1 227; the server tells the client so for that record
     * alone (a surrogate diagnostic) and presents the others.
     */
    byte[] record(SearchResult result, int position, RecordSyntax syntax);

    /** As {@link #record(SearchResult, int, RecordSyntax)}, in the element set asked for. */
    default byte[] record(SearchResult result, int position, RecordSyntax syntax, ElementSet elements) {
        return record(result, position, syntax);
    }

    /**
     * Up to {@code count} terms of the index {@code start.use()} names, in index order: up to
     * {@code before} terms before {@code start.term()}, then the terms from it on.
     */
    default ScanResult scan(RpnQuery.Term start, int before, int count) {
        throw new Bib1Exception(NOT_OFFERED, "this backend offers no Scan");
    }

    /** {@code input} ordered by {@code keys}: a new result set with the same records. */
    default SearchResult sort(SearchResult input, List<SortKey> keys) {
        throw new Bib1Exception(NOT_OFFERED, "this backend offers no Sort");
    }

    /**
     * Builds the backend inside the server's own JVM ({@link Z3950ServerProcess} starts it, see the module
     * README for why): implementations need a public no-argument constructor.
     */
    interface Factory {
        CatalogBackend create(List<String> arguments);
    }
}
