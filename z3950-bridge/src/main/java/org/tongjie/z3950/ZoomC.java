package org.tongjie.z3950;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The ZOOM-C functions of {@code yaz/zoom.h} (YAZ 5.34) as method handles, each behind a typed Java method.
 * Pointers are {@link MemorySegment}s; {@code size_t} is {@code long}, as on the 64-bit Debian builds we
 * run on. Nothing here owns a handle: {@link ZoomConnection} and {@link ZoomResultSet} do.
 */
// Native access is what this code is for; surefire and the launcher pass --enable-native-access.
@SuppressWarnings("restricted")
final class ZoomC {
    /** {@code ZOOM_ERROR_INVALID_QUERY}: a query ZOOM could not parse, reported before anything is sent. */
    static final int ERROR_INVALID_QUERY = 10010;
    /** {@code ZOOM_ERROR_DECODE}: what a target's answer that holds no usable record amounts to. */
    static final int ERROR_DECODE = 10003;

    /** {@code struct Z_External} of {@code yaz/prt-ext.h}: what {@code ZOOM_record_get(rec, "ext")} points to. */
    private static final StructLayout Z_EXTERNAL = MemoryLayout.structLayout(
            ADDRESS.withName("direct_reference"),
            ADDRESS.withName("indirect_reference"),
            ADDRESS.withName("descriptor"),
            JAVA_INT.withName("which"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("u"));
    /** {@code Odr_oct} of {@code yaz/odr.h}: an octet string, not NUL-terminated. */
    private static final StructLayout ODR_OCT = MemoryLayout.structLayout(
            ADDRESS.withName("buf"), JAVA_INT.withName("len"), MemoryLayout.paddingLayout(4));
    /** {@code Z_External_octet} and {@code Z_External_sutrs}: the two kinds held as an {@code Odr_oct}. */
    private static final int Z_EXTERNAL_OCTET = 1;
    private static final int Z_EXTERNAL_SUTRS = 3;

    private static final MethodHandle CONNECTION_CREATE = fn("ZOOM_connection_create", ADDRESS, ADDRESS);
    private static final MethodHandle CONNECTION_OPTION_SET = proc("ZOOM_connection_option_set",
            ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle CONNECTION_CONNECT = proc("ZOOM_connection_connect",
            ADDRESS, ADDRESS, JAVA_INT);
    private static final MethodHandle CONNECTION_DESTROY = proc("ZOOM_connection_destroy", ADDRESS);
    private static final MethodHandle CONNECTION_ERROR_X = fn("ZOOM_connection_error_x",
            JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle CONNECTION_SEARCH = fn("ZOOM_connection_search", ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle DIAG_STR = fn("ZOOM_diag_str", ADDRESS, JAVA_INT);
    private static final MethodHandle QUERY_CREATE = fn("ZOOM_query_create", ADDRESS);
    private static final MethodHandle QUERY_PREFIX = fn("ZOOM_query_prefix", JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle QUERY_CQL = fn("ZOOM_query_cql", JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle QUERY_DESTROY = proc("ZOOM_query_destroy", ADDRESS);
    private static final MethodHandle RESULTSET_SIZE = fn("ZOOM_resultset_size", JAVA_LONG, ADDRESS);
    private static final MethodHandle RESULTSET_RECORDS = proc("ZOOM_resultset_records",
            ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG);
    private static final MethodHandle RESULTSET_CACHE_RESET = proc("ZOOM_resultset_cache_reset", ADDRESS);
    private static final MethodHandle RESULTSET_DESTROY = proc("ZOOM_resultset_destroy", ADDRESS);
    private static final MethodHandle RECORD_GET = fn("ZOOM_record_get", ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle RECORD_ERROR = fn("ZOOM_record_error",
            JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);

    private ZoomC() {}

    static MemorySegment connectionCreate() {
        try {
            // No ZOOM_options of our own: the connection's options are set on it and die with it.
            return checkedHandle((MemorySegment) CONNECTION_CREATE.invokeExact(MemorySegment.NULL),
                    "ZOOM_connection_create");
        } catch (Throwable t) {
            throw failed("ZOOM_connection_create", t);
        }
    }

    static void connectionOptionSet(MemorySegment connection, String key, String value) {
        try (Arena arena = Arena.ofConfined()) {
            // ZOOM copies both strings, so they may die with the arena.
            CONNECTION_OPTION_SET.invokeExact(connection, arena.allocateFrom(key), arena.allocateFrom(value));
        } catch (Throwable t) {
            throw failed("ZOOM_connection_option_set", t);
        }
    }

    /** Blocks until the target answered the Init, failed, or the "timeout" option ran out. */
    static void connectionConnect(MemorySegment connection, String hostAndPort) {
        try (Arena arena = Arena.ofConfined()) {
            CONNECTION_CONNECT.invokeExact(connection, arena.allocateFrom(hostAndPort), 0);
        } catch (Throwable t) {
            throw failed("ZOOM_connection_connect", t);
        }
    }

    static void connectionDestroy(MemorySegment connection) {
        try {
            CONNECTION_DESTROY.invokeExact(connection);
        } catch (Throwable t) {
            throw failed("ZOOM_connection_destroy", t);
        }
    }

    /** The connection's last error as an exception naming {@code target}, or empty when there is none. */
    static Optional<ZoomException> connectionError(MemorySegment connection, String target) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = arena.allocate(ADDRESS);
            MemorySegment addinfo = arena.allocate(ADDRESS);
            MemorySegment diagset = arena.allocate(ADDRESS);
            int code = (int) CONNECTION_ERROR_X.invokeExact(connection, message, addinfo, diagset);
            return code == 0 ? Optional.empty() : Optional.of(new ZoomException(target,
                    cString(diagset.get(ADDRESS, 0)), code,
                    cString(message.get(ADDRESS, 0)), cString(addinfo.get(ADDRESS, 0))));
        } catch (Throwable t) {
            throw failed("ZOOM_connection_error_x", t);
        }
    }

    /** ZOOM's own wording for one of its error codes (e.g. 10010, "Invalid query"). */
    static String diagnosticText(int code) {
        try {
            return cString((MemorySegment) DIAG_STR.invokeExact(code));
        } catch (Throwable t) {
            throw failed("ZOOM_diag_str", t);
        }
    }

    static MemorySegment queryCreate() {
        try {
            return checkedHandle((MemorySegment) QUERY_CREATE.invokeExact(), "ZOOM_query_create");
        } catch (Throwable t) {
            throw failed("ZOOM_query_create", t);
        }
    }

    /** Whether ZOOM parsed the PQF; nothing is sent yet. */
    static boolean queryPrefix(MemorySegment query, String pqf) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) QUERY_PREFIX.invokeExact(query, arena.allocateFrom(pqf)) == 0;
        } catch (Throwable t) {
            throw failed("ZOOM_query_prefix", t);
        }
    }

    /** Whether ZOOM took the CQL; it is sent as is (a type-104 query), the target parses it. */
    static boolean queryCql(MemorySegment query, String cql) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) QUERY_CQL.invokeExact(query, arena.allocateFrom(cql)) == 0;
        } catch (Throwable t) {
            throw failed("ZOOM_query_cql", t);
        }
    }

    static void queryDestroy(MemorySegment query) {
        try {
            QUERY_DESTROY.invokeExact(query);
        } catch (Throwable t) {
            throw failed("ZOOM_query_destroy", t);
        }
    }

    /** A result set even when the search failed: the caller checks the connection's error and destroys it. */
    static MemorySegment connectionSearch(MemorySegment connection, MemorySegment query) {
        try {
            return checkedHandle((MemorySegment) CONNECTION_SEARCH.invokeExact(connection, query),
                    "ZOOM_connection_search");
        } catch (Throwable t) {
            throw failed("ZOOM_connection_search", t);
        }
    }

    static long resultSetSize(MemorySegment resultSet) {
        try {
            return (long) RESULTSET_SIZE.invokeExact(resultSet);
        } catch (Throwable t) {
            throw failed("ZOOM_resultset_size", t);
        }
    }

    /** Fills {@code records} with {@code count} record handles, owned by the result set's cache. */
    static void resultSetRecords(MemorySegment resultSet, MemorySegment records, long start, long count) {
        try {
            RESULTSET_RECORDS.invokeExact(resultSet, records, start, count);
        } catch (Throwable t) {
            throw failed("ZOOM_resultset_records", t);
        }
    }

    /** Frees the records the result set has cached, which invalidates every record handle it gave out. */
    static void resultSetCacheReset(MemorySegment resultSet) {
        try {
            RESULTSET_CACHE_RESET.invokeExact(resultSet);
        } catch (Throwable t) {
            throw failed("ZOOM_resultset_cache_reset", t);
        }
    }

    static void resultSetDestroy(MemorySegment resultSet) {
        try {
            RESULTSET_DESTROY.invokeExact(resultSet);
        } catch (Throwable t) {
            throw failed("ZOOM_resultset_destroy", t);
        }
    }

    /** A surrogate diagnostic the target sent in place of the record, if it did. */
    static Optional<ZoomException> recordError(MemorySegment record, String context) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment message = arena.allocate(ADDRESS);
            MemorySegment addinfo = arena.allocate(ADDRESS);
            MemorySegment diagset = arena.allocate(ADDRESS);
            int code = (int) RECORD_ERROR.invokeExact(record, message, addinfo, diagset);
            return code == 0 ? Optional.empty() : Optional.of(new ZoomException(context,
                    cString(diagset.get(ADDRESS, 0)), code,
                    cString(message.get(ADDRESS, 0)), cString(addinfo.get(ADDRESS, 0))));
        } catch (Throwable t) {
            throw failed("ZOOM_record_error", t);
        }
    }

    /**
     * {@code ZOOM_record_get(record, type)} copied by the length it returns: record buffers are not
     * NUL-terminated and may hold NUL bytes. Empty when YAZ cannot render the record that way.
     */
    static Optional<byte[]> recordGet(MemorySegment record, String type) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocate(JAVA_INT);
            MemorySegment buffer = (MemorySegment) RECORD_GET.invokeExact(record, arena.allocateFrom(type), length);
            int size = length.get(JAVA_INT, 0);
            return buffer.equals(MemorySegment.NULL) || size < 0
                    ? Optional.empty()
                    : Optional.of(buffer.reinterpret(size).toArray(ValueLayout.JAVA_BYTE));
        } catch (Throwable t) {
            throw failed("ZOOM_record_get", t);
        }
    }

    /**
     * The record's octets exactly as the target sent them. {@code ZOOM_record_get(rec, "raw")} does not give
     * that for ISO 2709: YAZ decodes and re-encodes the record, which renumbers a directory that is not in
     * data order. The documented {@code "ext"} type hands out the decoded {@code Z_External} instead, whose
     * octet string is the record as received. Empty for a record that is not an octet string (GRS-1).
     */
    static Optional<byte[]> recordOctets(MemorySegment record) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment length = arena.allocate(JAVA_INT);
            MemorySegment external = (MemorySegment) RECORD_GET.invokeExact(
                    record, arena.allocateFrom("ext"), length);
            if (external.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            MemorySegment ext = external.reinterpret(Z_EXTERNAL.byteSize());
            int which = ext.get(JAVA_INT, offset(Z_EXTERNAL, "which"));
            if (which != Z_EXTERNAL_OCTET && which != Z_EXTERNAL_SUTRS) {
                return Optional.empty();
            }
            MemorySegment octets = ext.get(ADDRESS, offset(Z_EXTERNAL, "u")).reinterpret(ODR_OCT.byteSize());
            int size = octets.get(JAVA_INT, offset(ODR_OCT, "len"));
            return Optional.of(octets.get(ADDRESS, offset(ODR_OCT, "buf"))
                    .reinterpret(size).toArray(ValueLayout.JAVA_BYTE));
        } catch (Throwable t) {
            throw failed("ZOOM_record_get(ext)", t);
        }
    }

    private static long offset(StructLayout layout, String field) {
        return layout.byteOffset(PathElement.groupElement(field));
    }

    /** A C string ZOOM owns, copied; ZOOM passes NULL where there is nothing to say. */
    private static String cString(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? "" : pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private static MemorySegment checkedHandle(MemorySegment handle, String function) {
        if (handle.equals(MemorySegment.NULL)) {
            throw new IllegalStateException(function + " returned NULL: out of memory in " + YazLibrary.NAME);
        }
        return handle;
    }

    /** Our own checks pass through; a checked Throwable from invokeExact cannot happen but must be typed. */
    private static RuntimeException failed(String function, Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        return t instanceof RuntimeException runtime ? runtime
                : new IllegalStateException("calling " + function + " in " + YazLibrary.NAME + " failed", t);
    }

    private static MethodHandle fn(String name, MemoryLayout result, MemoryLayout... arguments) {
        return YazLibrary.downcall(name, FunctionDescriptor.of(result, arguments));
    }

    private static MethodHandle proc(String name, MemoryLayout... arguments) {
        return YazLibrary.downcall(name, FunctionDescriptor.ofVoid(arguments));
    }
}
