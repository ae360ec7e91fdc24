package org.tongjie.z3950;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Z39.50 target over a {@link CatalogBackend}: YAZ's Generic Frontend Server (GFS) does the protocol,
 * our FFM upcalls answer Init, Search, Present (one bend_fetch per record), Scan, Sort and Delete. Extended
 * Services are left NULL, which GFS answers as unsupported.
 *
 * <p>GFS runs here, in this JVM, on a platform thread of its own, with one native thread per session
 * ({@code -T}; the default forks per session, which a JVM does not survive). It owns the process all the
 * same: its listeners, options and control block are C globals and its option parser reads argv once, so
 * a JVM can start it once; and it replaces the JVM's SIGTERM handler with its own, so {@code kill} no
 * longer runs the JVM's shutdown hooks. The hub therefore runs it in a JVM of its own
 * ({@link Z3950ServerProcess}).
 */
// Native access is what this code is for; surefire and the launcher pass --enable-native-access.
@SuppressWarnings("restricted")
public final class Z3950Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Z3950Server.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Bib-1 2, "temporary system error": what a backend failure that is not a Bib1Exception becomes. */
    private static final int TEMPORARY_SYSTEM_ERROR = 2;
    private static final String DEFAULT_SET = "default";
    private static final Duration STARTUP = Duration.ofSeconds(10);
    private static final Duration STOP = Duration.ofSeconds(5);

    private final CatalogBackend backend;
    private final AtomicLong sessionIds = new AtomicLong();
    /** Result sets by session (GFS's handle) and client-given name; named result sets are on. */
    private final Map<Long, Map<String, SearchResult>> sessions = new ConcurrentHashMap<>();
    private final MemorySegment searchStub;
    private final MemorySegment fetchStub;
    private final MemorySegment scanStub;
    private final MemorySegment sortStub;
    private final MemorySegment deleteStub;
    private final CompletableFuture<Long> gfsThread = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final CompletableFuture<Void> listening = new CompletableFuture<>();

    private Z3950Server(CatalogBackend backend) {
        this.backend = backend;
        this.searchStub = upcall("search", Gfs.HANDLER);
        this.fetchStub = upcall("fetch", Gfs.HANDLER);
        this.scanStub = upcall("scan", Gfs.HANDLER);
        this.sortStub = upcall("sort", Gfs.HANDLER);
        this.deleteStub = upcall("delete", Gfs.HANDLER);
    }

    /**
     * Serves {@code backend} on {@code host:port} and returns once the port accepts connections. Once per
     * JVM (see above); a port GFS cannot bind fails here with GFS's exit code.
     */
    public static Z3950Server start(String host, int port, CatalogBackend backend) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(backend, "backend");
        if (!STARTED.compareAndSet(false, true)) {
            throw new IllegalStateException("GFS keeps its state in C globals: one Z39.50 server per JVM");
        }
        Z3950Server server = new Z3950Server(backend);
        String listen = "tcp:" + host + ":" + port;
        Thread.ofPlatform().name("z3950-gfs").daemon().start(() -> server.run(listen));
        server.awaitListening(host, port);
        return server;
    }

    /** Whether GFS's event loop is still running: it stops on {@link #close} or when it cannot listen. */
    public boolean isRunning() {
        return !exit.isDone();
    }

    /**
     * Stops accepting: GFS's event loop ends and statserv_main returns. Sessions already open run on in
     * their own native threads until their clients close them or the process ends.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + STOP.toNanos();
        while (isRunning() && System.nanoTime() < deadline) {
            // Repeated: a signal that lands while the loop is not inside poll(2) is noticed only later.
            Gfs.interrupt(gfsThread.join());
            try {
                exit.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // send it again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                return;
            }
        }
        if (isRunning()) {
            throw new IllegalStateException("GFS did not stop within " + STOP);
        }
    }

    private void run(String listen) {
        gfsThread.complete(Gfs.currentThread());
        try {
            Gfs.onStart(upcall("started", Gfs.START));
            exit.complete(Gfs.statservMain(List.of("tongjie-z3950", "-T", listen),
                    upcall("init", Gfs.INIT), upcall("close", Gfs.CLOSE)));
        } catch (RuntimeException e) {
            exit.completeExceptionally(e);
        }
    }

    /** Waits for GFS's bend_start (all listeners bound) or for statserv_main to give up. */
    private void awaitListening(String host, int port) {
        try {
            CompletableFuture.anyOf(listening, exit).get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("GFS did not listen on " + host + ":" + port + " within " + STARTUP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting GFS", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("GFS failed to start on " + host + ":" + port, e.getCause());
        }
        if (!listening.isDone()) {
            throw new IllegalStateException("GFS could not listen on " + host + ":" + port
                    + " (statserv_main returned " + exit.getNow(-1) + "; its log says why, e.g. the port is taken)");
        }
    }

    /** bend_start: GFS has bound its listeners. */
    void started(MemorySegment controlBlock) {
        listening.complete(null);
    }

    /** bend_init: one call per association; the handle GFS gives back to our handlers is a session id. */
    MemorySegment init(MemorySegment requestPointer) {
        MemorySegment request = requestPointer.reinterpret(Gfs.INIT_REQUEST.byteSize());
        MemorySegment stream = request.get(ADDRESS, Gfs.offset(Gfs.INIT_REQUEST, "stream"));
        MemorySegment result = Gfs.odrMalloc(stream, Gfs.INIT_RESULT.byteSize());
        long session = sessionIds.incrementAndGet();
        sessions.put(session, new ConcurrentHashMap<>());
        result.set(ADDRESS, Gfs.offset(Gfs.INIT_RESULT, "handle"), MemorySegment.ofAddress(session));
        request.set(ADDRESS, Gfs.offset(Gfs.INIT_REQUEST, "bend_search"), searchStub);
        request.set(ADDRESS, Gfs.offset(Gfs.INIT_REQUEST, "bend_fetch"), fetchStub);
        request.set(ADDRESS, Gfs.offset(Gfs.INIT_REQUEST, "bend_scan"), scanStub);
        request.set(ADDRESS, Gfs.offset(Gfs.INIT_REQUEST, "bend_sort"), sortStub);
        request.set(ADDRESS, Gfs.offset(Gfs.INIT_REQUEST, "bend_delete"), deleteStub);
        request.set(JAVA_INT, Gfs.offset(Gfs.INIT_REQUEST, "named_result_sets"), 1);
        request.set(ADDRESS, Gfs.offset(Gfs.INIT_REQUEST, "implementation_id"), Gfs.odrString(stream, "tongjie"));
        request.set(ADDRESS, Gfs.offset(Gfs.INIT_REQUEST, "implementation_name"),
                Gfs.odrString(stream, "Tongjie union catalogue (YAZ GFS)"));
        return result;
    }

    /** bend_close: the association ended; its result sets go with it. */
    void close(MemorySegment handle) {
        sessions.remove(handle.address());
    }

    int search(MemorySegment handle, MemorySegment rrPointer) {
        MemorySegment rr = rrPointer.reinterpret(Gfs.SEARCH_RR.byteSize());
        MemorySegment stream = rr.get(ADDRESS, Gfs.offset(Gfs.SEARCH_RR, "stream"));
        try {
            Databases.check(rr.get(JAVA_INT, Gfs.offset(Gfs.SEARCH_RR, "num_bases")),
                    rr.get(ADDRESS, Gfs.offset(Gfs.SEARCH_RR, "basenames")));
            RpnQuery query = PqfParser.parse(pqf(rr.get(ADDRESS, Gfs.offset(Gfs.SEARCH_RR, "query"))));
            SearchResult found = backend.search(query);
            session(handle).put(setName(rr.get(ADDRESS, Gfs.offset(Gfs.SEARCH_RR, "setname"))), found);
            rr.set(JAVA_LONG, Gfs.offset(Gfs.SEARCH_RR, "hits"), found.hits());
        } catch (RuntimeException e) {
            fail(rr, Gfs.SEARCH_RR, stream, diagnostic(e, "search"));
        }
        return 0;
    }

    /**
     * One record of a Present. What concerns the whole Present (no such result set, a position past its end,
     * a hub that cannot be reached) fails it; what concerns this record alone (not in the syntax asked for,
     * deleted since the search) is a surrogate diagnostic in its place, and the other records are presented.
     */
    int fetch(MemorySegment handle, MemorySegment rrPointer) {
        MemorySegment rr = rrPointer.reinterpret(Gfs.FETCH_RR.byteSize());
        MemorySegment stream = rr.get(ADDRESS, Gfs.offset(Gfs.FETCH_RR, "stream"));
        rr.set(ADDRESS, Gfs.offset(Gfs.FETCH_RR, "basename"), Gfs.odrString(stream, Databases.DEFAULT));
        try {
            String setName = setName(rr.get(ADDRESS, Gfs.offset(Gfs.FETCH_RR, "setname")));
            SearchResult result = session(handle).get(setName);
            if (result == null) {
                throw new Bib1Exception(30, setName); // specified result set does not exist
            }
            int position = rr.get(JAVA_INT, Gfs.offset(Gfs.FETCH_RR, "number"));
            if (position < 1 || position > result.hits()) {
                throw new Bib1Exception(13, Integer.toString(position)); // present request out of range
            }
            rr.set(JAVA_INT, Gfs.offset(Gfs.FETCH_RR, "last_in_set"), position == result.hits() ? 1 : 0);
            try {
                present(rr, stream, result, position);
            } catch (Bib1Exception e) {
                rr.set(JAVA_INT, Gfs.offset(Gfs.FETCH_RR, "surrogate_flag"), 1);
                throw e;
            }
        } catch (RuntimeException e) {
            fail(rr, Gfs.FETCH_RR, stream, diagnostic(e, "present"));
        }
        return 0;
    }

    private void present(MemorySegment rr, MemorySegment stream, SearchResult result, int position) {
        MemorySegment format = rr.get(ADDRESS, Gfs.offset(Gfs.FETCH_RR, "request_format"));
        RecordSyntax syntax = syntax(format);
        ElementSet elements = ElementSet.named(elementSetName(rr.get(ADDRESS, Gfs.offset(Gfs.FETCH_RR, "comp"))));
        byte[] record = backend.record(result, position, syntax, elements);
        if (syntax == RecordSyntax.OPAC) {
            MemorySegment opac = Gfs.xmlToOpac(stream, record);
            if (opac.equals(MemorySegment.NULL)) {
                throw new Bib1Exception(14, "YAZ could not make an OPAC record of record " + position);
            }
            rr.set(ADDRESS, Gfs.offset(Gfs.FETCH_RR, "record"), opac);
            rr.set(JAVA_INT, Gfs.offset(Gfs.FETCH_RR, "len"), -1); // GFS's sign for a structure, not octets
        } else {
            rr.set(ADDRESS, Gfs.offset(Gfs.FETCH_RR, "record"), Gfs.odrBytes(stream, record));
            rr.set(JAVA_INT, Gfs.offset(Gfs.FETCH_RR, "len"), record.length);
        }
        rr.set(ADDRESS, Gfs.offset(Gfs.FETCH_RR, "output_format"), answeredOid(syntax, format));
    }

    /** The simple element set name of a Present's record composition; "" when there is none. */
    private static String elementSetName(MemorySegment comp) {
        if (comp.equals(MemorySegment.NULL)) {
            return "";
        }
        MemorySegment composition = comp.reinterpret(Gfs.TAGGED.byteSize());
        if (composition.get(JAVA_INT, 0) != Gfs.Z_RECORD_COMP_SIMPLE) {
            return "";
        }
        MemorySegment names = composition.get(ADDRESS, Gfs.offset(Gfs.TAGGED, "u")).reinterpret(Gfs.TAGGED.byteSize());
        return names.get(JAVA_INT, 0) == Gfs.Z_ELEMENT_SET_NAMES_GENERIC
                ? Gfs.cString(names.get(ADDRESS, Gfs.offset(Gfs.TAGGED, "u"))) : "";
    }

    /**
     * bend_scan: the start term's use attribute names the index; GFS has allocated the entries asked for,
     * which we fill (so it also sends each term as its display term).
     */
    int scan(MemorySegment handle, MemorySegment rrPointer) {
        MemorySegment rr = rrPointer.reinterpret(Gfs.SCAN_RR.byteSize());
        MemorySegment stream = rr.get(ADDRESS, Gfs.offset(Gfs.SCAN_RR, "stream"));
        try {
            Databases.check(rr.get(JAVA_INT, Gfs.offset(Gfs.SCAN_RR, "num_bases")),
                    rr.get(ADDRESS, Gfs.offset(Gfs.SCAN_RR, "basenames")));
            int wanted = rr.get(JAVA_INT, Gfs.offset(Gfs.SCAN_RR, "num_entries"));
            int position = rr.get(JAVA_INT, Gfs.offset(Gfs.SCAN_RR, "term_position"));
            RpnQuery start = PqfParser.parse(Gfs.scanTermToPqf(rr.get(ADDRESS, Gfs.offset(Gfs.SCAN_RR, "term"))));
            if (!(start instanceof RpnQuery.Term term)) {
                throw new Bib1Exception(123, "a Scan starts at one term"); // term list not supported
            }
            ScanResult found = backend.scan(term, Math.clamp(position - 1L, 0, wanted), wanted);
            List<ScanTerm> terms = found.terms().subList(0, Math.min(wanted, found.terms().size()));
            MemorySegment entries = rr.get(ADDRESS, Gfs.offset(Gfs.SCAN_RR, "entries"))
                    .reinterpret(Gfs.SCAN_ENTRY.byteSize() * Math.max(wanted, 0));
            for (int i = 0; i < terms.size(); i++) {
                MemorySegment entry = entries.asSlice(i * Gfs.SCAN_ENTRY.byteSize(), Gfs.SCAN_ENTRY.byteSize());
                entry.set(ADDRESS, Gfs.offset(Gfs.SCAN_ENTRY, "term"), Gfs.odrString(stream, terms.get(i).term()));
                entry.set(JAVA_LONG, Gfs.offset(Gfs.SCAN_ENTRY, "occurrences"), terms.get(i).occurrences());
            }
            rr.set(JAVA_INT, Gfs.offset(Gfs.SCAN_RR, "num_entries"), terms.size());
            rr.set(JAVA_INT, Gfs.offset(Gfs.SCAN_RR, "term_position"), found.position());
            rr.set(JAVA_INT, Gfs.offset(Gfs.SCAN_RR, "status"),
                    terms.size() < wanted ? Gfs.BEND_SCAN_PARTIAL : Gfs.BEND_SCAN_SUCCESS);
        } catch (RuntimeException e) {
            rr.set(JAVA_INT, Gfs.offset(Gfs.SCAN_RR, "num_entries"), 0);
            fail(rr, Gfs.SCAN_RR, stream, diagnostic(e, "scan"));
        }
        return 0;
    }

    /** bend_sort: one input result set, sorted by the backend into the output set (which may be the same). */
    int sort(MemorySegment handle, MemorySegment rrPointer) {
        MemorySegment rr = rrPointer.reinterpret(Gfs.SORT_RR.byteSize());
        MemorySegment stream = rr.get(ADDRESS, Gfs.offset(Gfs.SORT_RR, "stream"));
        try {
            List<String> inputs = strings(rr.get(JAVA_INT, Gfs.offset(Gfs.SORT_RR, "num_input_setnames")),
                    rr.get(ADDRESS, Gfs.offset(Gfs.SORT_RR, "input_setnames")));
            if (inputs.size() != 1) {
                throw new Bib1Exception(230, inputs.size() + " input result sets (one is sorted at a time)");
            }
            SearchResult input = session(handle).get(setName(inputs.getFirst()));
            if (input == null) {
                throw new Bib1Exception(30, inputs.getFirst()); // specified result set does not exist
            }
            List<SortKey> keys = SortKey.fromType7(Gfs.sortSpecToType7(rr.get(ADDRESS, Gfs.offset(Gfs.SORT_RR, "sort_sequence"))));
            SearchResult sorted = backend.sort(input, keys);
            session(handle).put(setName(rr.get(ADDRESS, Gfs.offset(Gfs.SORT_RR, "output_setname"))), sorted);
            rr.set(JAVA_INT, Gfs.offset(Gfs.SORT_RR, "sort_status"), Gfs.Z_SORT_RESPONSE_SUCCESS);
        } catch (RuntimeException e) {
            fail(rr, Gfs.SORT_RR, stream, diagnostic(e, "sort"));
        }
        return 0;
    }

    /** bend_delete: drops the named result sets (or all), and the association goes on. */
    int delete(MemorySegment handle, MemorySegment rrPointer) {
        MemorySegment rr = rrPointer.reinterpret(Gfs.DELETE_RR.byteSize());
        Map<String, SearchResult> sets = session(handle);
        if (rr.get(JAVA_INT, Gfs.offset(Gfs.DELETE_RR, "function")) == Gfs.Z_DELETE_REQUEST_ALL) {
            sets.clear();
            rr.set(JAVA_INT, Gfs.offset(Gfs.DELETE_RR, "delete_status"), Gfs.Z_DELETE_STATUS_SUCCESS);
            return 0;
        }
        List<String> names = strings(rr.get(JAVA_INT, Gfs.offset(Gfs.DELETE_RR, "num_setnames")),
                rr.get(ADDRESS, Gfs.offset(Gfs.DELETE_RR, "setnames")));
        MemorySegment statuses = rr.get(ADDRESS, Gfs.offset(Gfs.DELETE_RR, "statuses"))
                .reinterpret(JAVA_INT.byteSize() * names.size());
        int overall = Gfs.Z_DELETE_STATUS_SUCCESS;
        for (int i = 0; i < names.size(); i++) {
            int status = sets.remove(setName(names.get(i))) == null ? Gfs.Z_DELETE_STATUS_NO_SUCH_SET
                    : Gfs.Z_DELETE_STATUS_SUCCESS;
            statuses.setAtIndex(JAVA_INT, i, status);
            overall = Math.max(overall, status);
        }
        rr.set(JAVA_INT, Gfs.offset(Gfs.DELETE_RR, "delete_status"), overall);
        return 0;
    }

    private static void fail(MemorySegment rr, java.lang.foreign.StructLayout layout, MemorySegment stream,
            Bib1Exception diagnostic) {
        rr.set(JAVA_INT, Gfs.offset(layout, "errcode"), diagnostic.code());
        rr.set(ADDRESS, Gfs.offset(layout, "errstring"), Gfs.odrString(stream, diagnostic.addinfo()));
    }

    /** A C array of {@code count} strings. */
    static List<String> strings(int count, MemorySegment array) {
        if (count <= 0 || array.equals(MemorySegment.NULL)) {
            return List.of();
        }
        MemorySegment pointers = array.reinterpret(ADDRESS.byteSize() * count);
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> Gfs.cString(pointers.getAtIndex(ADDRESS, i))).toList();
    }

    /** Type-1 and Type-101 are RPN; CQL (104, what GFS hands over from SRU) and the rest are Bib-1 107. */
    private static String pqf(MemorySegment queryPointer) {
        MemorySegment query = queryPointer.reinterpret(Gfs.Z_QUERY.byteSize());
        int which = query.get(JAVA_INT, Gfs.offset(Gfs.Z_QUERY, "which"));
        if (which != Gfs.Z_QUERY_TYPE_1 && which != Gfs.Z_QUERY_TYPE_101) {
            throw new Bib1Exception(107, "query type " + which + " (only Type-1/RPN is served)");
        }
        return Gfs.rpnQueryToPqf(query.get(ADDRESS, Gfs.offset(Gfs.Z_QUERY, "u")));
    }

    /** The requested record syntax; a client that names none gets USMARC, as from most targets. */
    private static RecordSyntax syntax(MemorySegment format) {
        if (format.equals(MemorySegment.NULL) || Gfs.oidEquals(format, Gfs.OID_USMARC)) {
            return RecordSyntax.USMARC;
        } else if (Gfs.oidEquals(format, Gfs.OID_UNIMARC)) {
            return RecordSyntax.UNIMARC;
        } else if (Gfs.oidEquals(format, Gfs.OID_XML) || Gfs.oidEquals(format, Gfs.OID_TEXT_XML)) {
            return RecordSyntax.MARCXML;
        } else if (Gfs.oidEquals(format, Gfs.OID_OPAC)) {
            return RecordSyntax.OPAC;
        }
        throw new Bib1Exception(238, Gfs.oidDotted(format)); // record syntax not supported
    }

    private static MemorySegment answeredOid(RecordSyntax syntax, MemorySegment requested) {
        return switch (syntax) {
            case USMARC -> Gfs.OID_USMARC;
            case UNIMARC -> Gfs.OID_UNIMARC;
            case OPAC -> Gfs.OID_OPAC;
            case MARCXML, XML -> requested.equals(MemorySegment.NULL) ? Gfs.OID_XML : requested;
        };
    }

    private Map<String, SearchResult> session(MemorySegment handle) {
        Map<String, SearchResult> sets = sessions.get(handle.address());
        if (sets == null) {
            throw new IllegalStateException("no session " + handle.address() + ": bend_init did not run");
        }
        return sets;
    }

    private static String setName(MemorySegment name) {
        return setName(Gfs.cString(name));
    }

    private static String setName(String name) {
        return name.isEmpty() ? DEFAULT_SET : name;
    }

    /** An exception must not cross the upcall boundary (it would end the JVM): it becomes a diagnostic. */
    private static Bib1Exception diagnostic(RuntimeException e, String operation) {
        if (e instanceof Bib1Exception bib1) {
            return bib1;
        }
        LOG.error("Z39.50 {} failed", operation, e);
        return new Bib1Exception(TEMPORARY_SYSTEM_ERROR, operation + " failed: " + e);
    }

    private MemorySegment upcall(String method, java.lang.foreign.FunctionDescriptor descriptor) {
        try {
            MethodHandle target = MethodHandles.lookup().bind(this, method, descriptor.toMethodType());
            return Linker.nativeLinker().upcallStub(target, descriptor, Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no upcall target " + method, e);
        }
    }
}
