package org.tongjie.app.z3950;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.tongjie.z3950.Bib1Exception;

/**
 * What the hub and its Z39.50 server say to each other over the hub's loopback read endpoint
 * ({@link ReadEndpoint}, {@link HubCatalogBackend}). Three POST calls, each with the secret as a bearer token:
 * {@value #SEARCH} takes {@link Search} (a Type-1 query as PQF, an order and the positions wanted) and answers
 * {@link Found}; {@value #RECORDS} takes {@link RecordsWanted} and answers {@link Records};
 * {@value #SCAN} takes {@link Scan} and answers {@link Scanned}. A query the hub refuses is HTTP 422 with a
 * {@link Refused} Bib-1 diagnostic, which the server passes on to its client.
 */
final class HubReads {
    static final String SEARCH = "/z3950/search";
    static final String RECORDS = "/z3950/records";
    static final String SCAN = "/z3950/scan";
    /** The environment variable that hands the secret to the server's JVM (never its command line). */
    static final String SECRET_VARIABLE = "TONGJIE_Z3950_READ_SECRET";
    /** The records of a result set a client can present: a search for everything stays bounded. */
    static final int MAX_PRESENTABLE = 10_000;
    /**
     * The most ids one search call answers: the first ones, where nearly every Present reads. Naming a hit
     * is cheap (the index's doc values), but sending thousands of ids for every broad search is not;
     * positions past them are found by running the query again from there.
     */
    static final int MAX_IDS = 100;
    /** Bib-1 2: what the server's client is told when the hub cannot answer. */
    static final int TEMPORARY_SYSTEM_ERROR = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private HubReads() {}

    /**
     * A query, the order wanted (empty: relevance; else {@link org.tongjie.z3950.SortKey.Field} names,
     * each with a leading {@code -} for descending) and the 0-based positions {@code [from, from + count)}
     * whose record ids are wanted.
     */
    record Search(String pqf, List<String> sort, int from, int count) {}

    /** How many records match, and the ids at the positions asked for, best first. */
    record Found(long hits, List<String> ids) {}

    /** Records by describing record id, in a syntax and element set ({@link org.tongjie.z3950.ElementSet}). */
    record RecordsWanted(String syntax, String elements, List<String> ids) {}

    /** A Scan of the index a Bib-1 use names ({@link org.tongjie.z3950.RpnQuery.Use}), as {@code IndexScan}. */
    record Scan(String use, String term, int before, int count) {}

    record Scanned(List<Term> terms, int position) {}

    record Term(String term, long records) {}

    /** One {@link Served} per id asked for, in the same order. */
    record Records(List<Served> records) {}

    /** A record's bytes in the syntax asked for, or (with {@code diagnostic} not 0) why it cannot be had. */
    record Served(byte[] record, int diagnostic, String addinfo) {
        static Served of(byte[] record) {
            return new Served(record, 0, "");
        }

        static Served refused(Bib1Exception e) {
            return new Served(new byte[0], e.code(), e.addinfo());
        }

        byte[] bytesOrThrow() {
            if (diagnostic != 0) {
                throw new Bib1Exception(diagnostic, addinfo);
            }
            return record;
        }
    }

    record Refused(int diagnostic, String addinfo) {}

    static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
