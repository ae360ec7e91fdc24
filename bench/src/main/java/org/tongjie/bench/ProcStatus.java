package org.tongjie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's memory as Linux counts it, from {@code /proc/PID/status}, and the machine's load. */
final class ProcStatus {
    private ProcStatus() {}

    /** VmHWM: the highest resident set the process has had, file mappings (Lucene's mmap) included. */
    static long peakRss(long pid) {
        return kilobytes(pid, "VmHWM:") * 1024;
    }

    private static long kilobytes(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").strip());
                }
            }
            throw new IllegalStateException("/proc/" + pid + "/status has no " + key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status (" + e.getMessage()
                    + "): the ingest bench measures memory on Linux only", e);
        }
    }

    /** The machine's 1-minute load average when the bench started, before its own work: who else was running. */
    private static final String LOAD_BEFORE = oneMinuteLoad();

    /** For a table's caption; the load was read when this class was first used, which {@link Bench#main} makes its start. */
    static String loadNote() {
        return "1-minute load average before the run " + LOAD_BEFORE + " (0 is an idle machine)";
    }

    private static String oneMinuteLoad() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
