package org.tongjie.z3950;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Z39.50 connection through YAZ's ZOOM-C, in ZOOM's blocking mode.
 *
 * <p>Each call blocks in native code until the target answers or the target's timeout runs out. A native
 * call pins a virtual thread to its carrier, so call from platform threads (a small pool to fan out over
 * many targets) until this binding uses ZOOM's asynchronous {@code ZOOM_event} API.
 *
 * <p>Safe to share between threads (calls are serialised: a ZOOM connection is not thread-safe), but one
 * connection serves one request at a time. Closing it closes its result sets and releases every native
 * handle; use try-with-resources.
 */
public final class ZoomConnection implements AutoCloseable {
    /**
     * Records per Present request: a target's answer must fit its preferred message size (YAZ's default is
     * 1 MB), which a few hundred long records would not.
     */
    static final int PRESENT_CHUNK = 25;

    private final ZoomTarget target;
    private final MemorySegment handle;
    private final List<ZoomResultSet> openResultSets = new ArrayList<>();
    private boolean closed;

    private ZoomConnection(ZoomTarget target, MemorySegment handle) {
        this.target = target;
        this.handle = handle;
    }

    /**
     * Connects and sends the Z39.50 Init.
     *
     * @throws ZoomException         when the target cannot be reached (ZOOM-C 10000), does not answer within
     *                               the timeout (10007) or refuses the Init (10005)
     * @throws IllegalStateException when libyaz5 is not installed
     */
    public static ZoomConnection open(ZoomTarget target) {
        Objects.requireNonNull(target, "target");
        YazLibrary.require();
        MemorySegment handle = ZoomC.connectionCreate();
        try {
            options(target).forEach((key, value) -> ZoomC.connectionOptionSet(handle, key, value));
            ZoomC.connectionConnect(handle, target.host() + ":" + target.port());
            throwIfFailed(handle, target);
            return new ZoomConnection(target, handle);
        } catch (RuntimeException | Error e) {
            ZoomC.connectionDestroy(handle);
            throw e;
        }
    }

    public ZoomTarget target() {
        return target;
    }

    /**
     * Searches the target's database. No records come with the answer (ZOOM's "count" stays 0): fetch them
     * with {@link ZoomResultSet#records}.
     *
     * @throws ZoomException with ZOOM-C 10010 for PQF that ZOOM cannot parse, or the target's diagnostic
     *                       (e.g. Bib-1 109 database unavailable, 114 unsupported use attribute)
     */
    public synchronized ZoomResultSet search(Query query) {
        Objects.requireNonNull(query, "query");
        requireOpen();
        MemorySegment zoomQuery = ZoomC.queryCreate();
        try {
            if (!parse(zoomQuery, query)) {
                throw new ZoomException(target.zurl(), "ZOOM", ZoomC.ERROR_INVALID_QUERY,
                        ZoomC.diagnosticText(ZoomC.ERROR_INVALID_QUERY), query.text());
            }
            return register(ZoomC.connectionSearch(handle, zoomQuery));
        } finally {
            // The result set holds its own reference to the query.
            ZoomC.queryDestroy(zoomQuery);
        }
    }

    /** Closes the open result sets, then the connection. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List.copyOf(openResultSets).forEach(ZoomResultSet::close);
        ZoomC.connectionDestroy(handle);
    }

    synchronized void forget(ZoomResultSet resultSet) {
        openResultSets.remove(resultSet);
    }

    /** The connection's error, if the last call left one, as the exception callers get. */
    void throwIfFailed() {
        throwIfFailed(handle, target);
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the connection to " + target.zurl() + " is closed");
        }
    }

    private ZoomResultSet register(MemorySegment resultSetHandle) {
        try {
            throwIfFailed();
            ZoomResultSet resultSet = new ZoomResultSet(this, resultSetHandle, ZoomC.resultSetSize(resultSetHandle));
            openResultSets.add(resultSet);
            return resultSet;
        } catch (RuntimeException | Error e) {
            // ZOOM hands out a result set for a failed search too.
            ZoomC.resultSetDestroy(resultSetHandle);
            throw e;
        }
    }

    private static boolean parse(MemorySegment zoomQuery, Query query) {
        return switch (query) {
            case Query.Pqf pqf -> ZoomC.queryPrefix(zoomQuery, pqf.text());
            case Query.Cql cql -> ZoomC.queryCql(zoomQuery, cql.text());
        };
    }

    private static void throwIfFailed(MemorySegment handle, ZoomTarget target) {
        ZoomC.connectionError(handle, target.zurl()).ifPresent(error -> {
            throw error;
        });
    }

    /** Set on the connection before it connects; result sets inherit them. */
    private static Map<String, String> options(ZoomTarget target) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("databaseName", target.database());
        options.put("timeout", Long.toString(target.timeoutSeconds()));
        options.put("preferredRecordSyntax", target.syntax().requested);
        options.put("presentChunk", Integer.toString(PRESENT_CHUNK));
        target.syntax().elementSet.ifPresent(name -> options.put("elementSetName", name));
        target.charset().ifPresent(name -> options.put("rpnCharset", name));
        return options;
    }
}
