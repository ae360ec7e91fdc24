package org.tongjie.z3950;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * YAZ's Generic Frontend Server ({@code libyaz_server.so.5}, header {@code yaz/backend.h} of YAZ 5.34) and
 * the few {@code libyaz.so.5} helpers its handlers need, as method handles and struct layouts.
 *
 * <p>The layouts name only the fields we touch; the offsets were checked with gcc's {@code offsetof}
 * against backend.h on Debian amd64 (GfsLayoutTest compiles the same check and compares):
 * bend_initresult errcode 0, errstring 8, handle 16 (size 24); bend_initrequest stream 8,
 * implementation_id 80, implementation_name 88, implementation_version 96, bend_search 112,
 * bend_fetch 120, named_result_sets 192 (size 200); bend_search_rr setname 0, query 32, stream 40,
 * hits 72 (Odr_int, 8 bytes), errcode 80, errstring 88 (size 168); bend_fetch_rr setname 0, number 8,
 * request_format 24, stream 40, basename 56, len 64, record 72, last_in_set 80, output_format 88,
 * errcode 96, errstring 104, surrogate_flag 112 (size 128); Z_Query which 0, u 8;
 * statserv_options_block bend_start 4120 (size 8288); bend_scan_rr term 32, term_position 64, num_entries 68,
 * entries 72, status 80, errcode 84 (size 128); scan_entry (size 40); bend_sort_rr sort_sequence 24,
 * sort_status 56, errcode 60 (size 72); bend_delete_rr delete_status 24, statuses 32 (size 56).
 */
// Native access is what this code is for; surefire and the launcher pass --enable-native-access.
@SuppressWarnings("restricted")
final class Gfs {
    static final String SERVER_LIBRARY = "libyaz_server.so.5";

    static final StructLayout INIT_RESULT = MemoryLayout.structLayout(
            JAVA_INT.withName("errcode"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("errstring"),
            ADDRESS.withName("handle"));
    static final StructLayout INIT_REQUEST = MemoryLayout.structLayout(
            ADDRESS.withName("auth"), ADDRESS.withName("stream"), ADDRESS.withName("print"),
            ADDRESS.withName("decode"), ADDRESS.withName("referenceId"), ADDRESS.withName("peer_name"),
            ADDRESS.withName("charneg_request"), ADDRESS.withName("charneg_response"),
            ADDRESS.withName("query_charset"),
            JAVA_INT.withName("records_in_same_charset"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("implementation_id"), ADDRESS.withName("implementation_name"),
            ADDRESS.withName("implementation_version"),
            ADDRESS.withName("bend_sort"), ADDRESS.withName("bend_search"), ADDRESS.withName("bend_fetch"),
            ADDRESS.withName("bend_present"), ADDRESS.withName("bend_esrequest"),
            ADDRESS.withName("bend_delete"), ADDRESS.withName("bend_scan"), ADDRESS.withName("bend_segment"),
            ADDRESS.withName("bend_explain"), ADDRESS.withName("bend_srw_scan"),
            ADDRESS.withName("bend_srw_update"),
            JAVA_INT.withName("named_result_sets"), MemoryLayout.paddingLayout(4));
    static final StructLayout SEARCH_RR = MemoryLayout.structLayout(
            ADDRESS.withName("setname"),
            JAVA_INT.withName("replace_set"), JAVA_INT.withName("num_bases"),
            ADDRESS.withName("basenames"), ADDRESS.withName("referenceId"), ADDRESS.withName("query"),
            ADDRESS.withName("stream"), ADDRESS.withName("decode"), ADDRESS.withName("print"),
            ADDRESS.withName("association"),
            JAVA_LONG.withName("hits"),
            JAVA_INT.withName("errcode"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("errstring"),
            MemoryLayout.paddingLayout(168 - 96)); // search_info … present_number: not ours to touch
    static final StructLayout FETCH_RR = MemoryLayout.structLayout(
            ADDRESS.withName("setname"),
            JAVA_INT.withName("number"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("referenceId"), ADDRESS.withName("request_format"), ADDRESS.withName("comp"),
            ADDRESS.withName("stream"), ADDRESS.withName("print"), ADDRESS.withName("basename"),
            JAVA_INT.withName("len"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("record"),
            JAVA_INT.withName("last_in_set"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("output_format"),
            JAVA_INT.withName("errcode"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("errstring"),
            JAVA_INT.withName("surrogate_flag"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("schema"));
    static final StructLayout SCAN_RR = MemoryLayout.structLayout(
            JAVA_INT.withName("num_bases"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("basenames"), ADDRESS.withName("attributeset"), ADDRESS.withName("referenceId"),
            ADDRESS.withName("term"), ADDRESS.withName("stream"), ADDRESS.withName("print"),
            ADDRESS.withName("step_size"),
            JAVA_INT.withName("term_position"), JAVA_INT.withName("num_entries"),
            ADDRESS.withName("entries"),
            JAVA_INT.withName("status"), JAVA_INT.withName("errcode"),
            ADDRESS.withName("errstring"), ADDRESS.withName("scanClause"), ADDRESS.withName("setname"),
            ADDRESS.withName("extra_args"), ADDRESS.withName("extra_response_data"));
    static final StructLayout SCAN_ENTRY = MemoryLayout.structLayout(
            ADDRESS.withName("term"), JAVA_LONG.withName("occurrences"),
            JAVA_INT.withName("errcode"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("errstring"), ADDRESS.withName("display_term"));
    static final StructLayout SORT_RR = MemoryLayout.structLayout(
            JAVA_INT.withName("num_input_setnames"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("input_setnames"), ADDRESS.withName("output_setname"),
            ADDRESS.withName("sort_sequence"), ADDRESS.withName("stream"), ADDRESS.withName("print"),
            ADDRESS.withName("referenceId"),
            JAVA_INT.withName("sort_status"), JAVA_INT.withName("errcode"),
            ADDRESS.withName("errstring"));
    static final StructLayout DELETE_RR = MemoryLayout.structLayout(
            JAVA_INT.withName("function"), JAVA_INT.withName("num_setnames"),
            ADDRESS.withName("setnames"), ADDRESS.withName("referenceId"),
            JAVA_INT.withName("delete_status"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("statuses"), ADDRESS.withName("stream"), ADDRESS.withName("print"));
    /** {@code Z_RecordComposition} and {@code Z_ElementSetNames}: a tag and a pointer each (yaz/z-core.h). */
    static final StructLayout TAGGED = MemoryLayout.structLayout(
            JAVA_INT.withName("which"), MemoryLayout.paddingLayout(4), ADDRESS.withName("u"));
    static final int Z_RECORD_COMP_SIMPLE = 1;
    static final int Z_ELEMENT_SET_NAMES_GENERIC = 1;
    static final int Z_DELETE_REQUEST_ALL = 1;
    static final int Z_DELETE_STATUS_SUCCESS = 0;
    static final int Z_DELETE_STATUS_NO_SUCH_SET = 1;
    static final int Z_SORT_RESPONSE_SUCCESS = 0;
    static final int BEND_SCAN_SUCCESS = 0;
    static final int BEND_SCAN_PARTIAL = 1;
    /** {@code struct odr}'s {@code mem} (yaz/odr.h: two ints, then the NMEM): what {@code odr_getmem} reads. */
    static final long ODR_MEM = 8;
    static final StructLayout Z_QUERY = MemoryLayout.structLayout(
            JAVA_INT.withName("which"), MemoryLayout.paddingLayout(4), ADDRESS.withName("u"));
    /** {@code Z_Query_type_1} and {@code Z_Query_type_101}: the two RPN query kinds (yaz/z-core.h). */
    static final int Z_QUERY_TYPE_1 = 2;
    static final int Z_QUERY_TYPE_101 = 5;

    /** {@code statserv_options_block.bend_start}: after the char arrays of backend.h, so an offset, not a layout. */
    static final long CONTROL_BEND_START = 4120;
    static final long CONTROL_SIZE = 8288;

    static final FunctionDescriptor START = FunctionDescriptor.ofVoid(ADDRESS);
    static final FunctionDescriptor INIT = FunctionDescriptor.of(ADDRESS, ADDRESS);
    static final FunctionDescriptor CLOSE = FunctionDescriptor.ofVoid(ADDRESS);
    static final FunctionDescriptor HANDLER = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);

    private static final SymbolLookup SERVER = SymbolLookup.libraryLookup(SERVER_LIBRARY, Arena.global());

    private static final MethodHandle STATSERV_MAIN = Linker.nativeLinker().downcallHandle(
            SERVER.find("statserv_main").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle STATSERV_GETCONTROL = Linker.nativeLinker().downcallHandle(
            SERVER.find("statserv_getcontrol").orElseThrow(), FunctionDescriptor.of(ADDRESS));
    private static final MethodHandle ODR_MALLOC = YazLibrary.downcall("odr_malloc",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle OID_OIDCMP = YazLibrary.downcall("oid_oidcmp",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle OID_TO_DOTSTRING = YazLibrary.downcall("oid_oid_to_dotstring",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle WRBUF_ALLOC = YazLibrary.downcall("wrbuf_alloc",
            FunctionDescriptor.of(ADDRESS));
    private static final MethodHandle WRBUF_DESTROY = YazLibrary.downcall("wrbuf_destroy",
            FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle WRBUF_CSTR = YazLibrary.downcall("wrbuf_cstr",
            FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle RPNQUERY_TO_WRBUF = YazLibrary.downcall("yaz_rpnquery_to_wrbuf",
            FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));

    private static final MethodHandle SCAN_TO_WRBUF = YazLibrary.downcall("yaz_scan_to_wrbuf",
            FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle SORT_SPEC_TO_TYPE7 = YazLibrary.downcall("yaz_sort_spec_to_type7",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle MARC_CREATE = YazLibrary.downcall("yaz_marc_create",
            FunctionDescriptor.of(ADDRESS));
    private static final MethodHandle MARC_DESTROY = YazLibrary.downcall("yaz_marc_destroy",
            FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle XML_TO_OPAC = YazLibrary.downcall("yaz_xml_to_opac",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    private static final MethodHandle PTHREAD_SELF = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("pthread_self").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle PTHREAD_KILL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("pthread_kill").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final int SIGTERM = 15;

    /** OIDs as YAZ's own constants (yaz/oid_std.h), so the server answers with YAZ's canonical pointers. */
    static final MemorySegment OID_USMARC = oid("yaz_oid_recsyn_usmarc");
    static final MemorySegment OID_UNIMARC = oid("yaz_oid_recsyn_unimarc");
    static final MemorySegment OID_XML = oid("yaz_oid_recsyn_xml");
    static final MemorySegment OID_TEXT_XML = oid("yaz_oid_recsyn_text_xml");
    static final MemorySegment OID_OPAC = oid("yaz_oid_recsyn_opac");

    private Gfs() {}

    /** Runs the server until {@link #interrupt}ed; GFS's state (listeners, options, control block) is global. */
    static int statservMain(List<String> arguments, MemorySegment init, MemorySegment close) {
        Arena arena = Arena.global(); // GFS keeps argv[0] ("me") for its log lines
        MemorySegment argv = arena.allocate(ADDRESS, arguments.size() + 1);
        for (int i = 0; i < arguments.size(); i++) {
            argv.setAtIndex(ADDRESS, i, arena.allocateFrom(arguments.get(i)));
        }
        try {
            return (int) STATSERV_MAIN.invokeExact(arguments.size(), argv, init, close);
        } catch (Throwable t) {
            throw failed("statserv_main", t);
        }
    }

    /**
     * Has GFS call {@code bendStart} once it has bound every listener, just before it serves: the one
     * moment that says "listening" without connecting to find out (a connect would also reach whoever
     * else holds the port). Set before statserv_main, in the static control block it copies from.
     */
    static void onStart(MemorySegment bendStart) {
        try {
            MemorySegment control = ((MemorySegment) STATSERV_GETCONTROL.invokeExact()).reinterpret(CONTROL_SIZE);
            control.set(ADDRESS, CONTROL_BEND_START, bendStart);
        } catch (Throwable t) {
            throw failed("statserv_getcontrol", t);
        }
    }

    /** The calling thread's pthread_t, for {@link #interrupt}. */
    static long currentThread() {
        try {
            return (long) PTHREAD_SELF.invokeExact();
        } catch (Throwable t) {
            throw failed("pthread_self", t);
        }
    }

    /**
     * Sends SIGTERM to the thread running statserv_main. YAZ 5.34's GFS handler only sets a flag, which
     * its event loop reads when poll(2) fails with EINTR, so the signal must reach that very thread:
     * kill(2) on the process lands on any thread and leaves the server running.
     */
    static void interrupt(long thread) {
        try {
            int error = (int) PTHREAD_KILL.invokeExact(thread, SIGTERM);
            if (error != 0) {
                throw new IllegalStateException("pthread_kill failed with error " + error);
            }
        } catch (Throwable t) {
            throw failed("pthread_kill", t);
        }
    }

    /** Memory that lives as long as GFS's encoding stream of the request: where answers must be put. */
    static MemorySegment odrMalloc(MemorySegment odr, long size) {
        try {
            MemorySegment memory = ((MemorySegment) ODR_MALLOC.invokeExact(odr, size)).reinterpret(size);
            return memory.fill((byte) 0);
        } catch (Throwable t) {
            throw failed("odr_malloc", t);
        }
    }

    static MemorySegment odrBytes(MemorySegment odr, byte[] bytes) {
        MemorySegment memory = odrMalloc(odr, Math.max(bytes.length, 1));
        MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return memory;
    }

    static MemorySegment odrString(MemorySegment odr, String text) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return odrBytes(odr, java.util.Arrays.copyOf(utf8, utf8.length + 1));
    }

    static boolean oidEquals(MemorySegment oid, MemorySegment known) {
        try {
            return (int) OID_OIDCMP.invokeExact(oid, known) == 0;
        } catch (Throwable t) {
            throw failed("oid_oidcmp", t);
        }
    }

    static String oidDotted(MemorySegment oid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(256); // OID_STR_MAX in yaz/oid_util.h
            MemorySegment text = (MemorySegment) OID_TO_DOTSTRING.invokeExact(oid, buffer);
            return text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw failed("oid_oid_to_dotstring", t);
        }
    }

    /** YAZ's PQF rendering of a decoded {@code Z_RPNQuery}. */
    static String rpnQueryToPqf(MemorySegment rpnQuery) {
        return withWrbuf("yaz_rpnquery_to_wrbuf", wrbuf -> {
            RPNQUERY_TO_WRBUF.invokeExact(wrbuf, rpnQuery);
            return 0;
        });
    }

    /** YAZ's PQF rendering of a Scan's start term ({@code Z_AttributesPlusTerm}), without its "RPN " lead. */
    static String scanTermToPqf(MemorySegment attributesPlusTerm) {
        return withWrbuf("yaz_scan_to_wrbuf", wrbuf -> {
            SCAN_TO_WRBUF.invokeExact(wrbuf, attributesPlusTerm, MemorySegment.NULL);
            return 0;
        }).replaceFirst("^RPN ", "");
    }

    /**
     * YAZ's type-7 rendering of a sort sequence ({@code Z_SortKeySpecList}): {@code @attr 1=4 @attr 7=1 0}
     * per key. A key YAZ cannot render (not a generic one) is refused by the caller as empty.
     */
    static String sortSpecToType7(MemorySegment sortKeySpecList) {
        return withWrbuf("yaz_sort_spec_to_type7", wrbuf -> (int) SORT_SPEC_TO_TYPE7.invokeExact(sortKeySpecList, wrbuf));
    }

    /**
     * An OPAC record ({@code Z_OPACRecord}) made by YAZ's {@code yaz_xml_to_opac} from its XML form, in the
     * memory of GFS's encoding stream {@code odr}; NULL when YAZ cannot read the XML.
     */
    static MemorySegment xmlToOpac(MemorySegment odr, byte[] xml) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment marc = (MemorySegment) MARC_CREATE.invokeExact();
            try {
                MemorySegment buffer = arena.allocate(Math.max(1, xml.length));
                MemorySegment.copy(xml, 0, buffer, ValueLayout.JAVA_BYTE, 0, xml.length);
                MemorySegment result = arena.allocate(ADDRESS);
                MemorySegment nmem = odr.reinterpret(ODR_MEM + ADDRESS.byteSize()).get(ADDRESS, ODR_MEM);
                int ok = (int) XML_TO_OPAC.invokeExact(marc, buffer, (long) xml.length, result, MemorySegment.NULL,
                        nmem, OID_USMARC);
                return ok == 0 ? MemorySegment.NULL : result.get(ADDRESS, 0);
            } finally {
                MARC_DESTROY.invokeExact(marc);
            }
        } catch (Throwable t) {
            throw failed("yaz_xml_to_opac", t);
        }
    }

    private interface WrbufCall {
        int write(MemorySegment wrbuf) throws Throwable;
    }

    /** Runs a YAZ function that writes into a WRBUF and returns what it wrote; empty if it returned non-zero. */
    private static String withWrbuf(String function, WrbufCall call) {
        try {
            MemorySegment wrbuf = (MemorySegment) WRBUF_ALLOC.invokeExact();
            try {
                if (call.write(wrbuf) != 0) {
                    return "";
                }
                return ((MemorySegment) WRBUF_CSTR.invokeExact(wrbuf)).reinterpret(Long.MAX_VALUE).getString(0);
            } finally {
                WRBUF_DESTROY.invokeExact(wrbuf);
            }
        } catch (Throwable t) {
            throw failed(function, t);
        }
    }

    static long offset(StructLayout layout, String field) {
        return layout.byteOffset(PathElement.groupElement(field));
    }

    static String cString(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? "" : pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private static MemorySegment oid(String symbol) {
        return YazLibrary.require().find(symbol).orElseThrow(() -> new IllegalStateException(
                symbol + " is missing from " + YazLibrary.NAME));
    }

    private static RuntimeException failed(String function, Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        return t instanceof RuntimeException runtime ? runtime
                : new IllegalStateException("calling " + function + " failed", t);
    }
}
