package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.foreign.StructLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.testing.Required;

/**
 * Our FFM layouts of yaz/backend.h against what gcc says of the real header: a wrong offset would write
 * into the wrong field of a GFS struct, and that fails silently or far away. Needs gcc and libyaz-dev.
 */
class GfsLayoutTest {
    @TempDir
    Path workDir;

    @Test
    void offsetsMatchTheCHeader() throws IOException, InterruptedException {
        Required.program("/usr/bin/gcc", "gcc");
        Required.debianFile("/usr/include/yaz/backend.h", "libyaz-dev");
        Map<String, Long> ours = ours();
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <yaz/backend.h>\n"
                + "int main(void) {\n");
        for (String field : ours.keySet()) {
            String[] typeAndField = field.split("\\.");
            String expression = typeAndField[1].equals("sizeof") ? "sizeof(" + typeAndField[0] + ")"
                    : "offsetof(" + typeAndField[0] + ", " + typeAndField[1] + ")";
            c.append("  printf(\"").append(field).append("=%zu\\n\", ").append(expression).append(");\n");
        }
        c.append("  return 0;\n}\n");
        Path source = Files.writeString(workDir.resolve("offsets.c"), c);
        Path binary = workDir.resolve("offsets");
        run(List.of("/usr/bin/gcc", "-o", binary.toString(), source.toString()));

        Map<String, Long> theirs = new LinkedHashMap<>();
        for (String line : run(List.of(binary.toString())).strip().split("\n")) {
            String[] pair = line.split("=");
            theirs.put(pair[0], Long.parseLong(pair[1]));
        }
        assertEquals(theirs, ours);
    }

    private static Map<String, Long> ours() {
        Map<String, Long> ours = new LinkedHashMap<>();
        fields(ours, "bend_initresult", Gfs.INIT_RESULT, "errcode", "errstring", "handle");
        fields(ours, "bend_initrequest", Gfs.INIT_REQUEST, "stream", "implementation_id", "implementation_name",
                "bend_sort", "bend_search", "bend_fetch", "bend_present", "bend_delete", "bend_scan", "named_result_sets");
        fields(ours, "bend_search_rr", Gfs.SEARCH_RR, "setname", "num_bases", "basenames", "query", "stream", "hits",
                "errcode", "errstring");
        fields(ours, "bend_fetch_rr", Gfs.FETCH_RR, "setname", "number", "request_format", "comp", "stream", "basename",
                "len", "record", "last_in_set", "output_format", "errcode", "errstring", "surrogate_flag", "schema");
        fields(ours, "bend_scan_rr", Gfs.SCAN_RR, "num_bases", "basenames", "term", "stream", "step_size",
                "term_position", "num_entries", "entries", "status", "errcode", "errstring", "setname",
                "extra_response_data");
        fields(ours, "struct scan_entry", Gfs.SCAN_ENTRY, "term", "occurrences", "errcode", "errstring", "display_term");
        fields(ours, "bend_sort_rr", Gfs.SORT_RR, "num_input_setnames", "input_setnames", "output_setname",
                "sort_sequence", "stream", "sort_status", "errcode", "errstring");
        fields(ours, "bend_delete_rr", Gfs.DELETE_RR, "function", "num_setnames", "setnames", "delete_status",
                "statuses", "stream");
        fields(ours, "Z_RecordComposition", Gfs.TAGGED, "which", "u");
        fields(ours, "Z_ElementSetNames", Gfs.TAGGED, "which", "u");
        ours.put("struct odr.mem", Gfs.ODR_MEM);
        fields(ours, "Z_Query", Gfs.Z_QUERY, "which", "u");
        ours.put("statserv_options_block.bend_start", Gfs.CONTROL_BEND_START);
        ours.put("statserv_options_block.sizeof", Gfs.CONTROL_SIZE);
        return ours;
    }

    private static void fields(Map<String, Long> into, String type, StructLayout layout, String... names) {
        for (String name : names) {
            into.put(type + "." + name, Gfs.offset(layout, name));
        }
        into.put(type + ".sizeof", layout.byteSize());
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        assertEquals(0, process.exitValue(), command + " failed: " + Files.readString(out));
        return Files.readString(out);
    }
}
