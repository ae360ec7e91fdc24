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

    /**
     * How busy the machine was: the 15-minute load average from {@code /proc/loadavg}, for the table's
     * caption (on 2 cores a bench alone shows about 2; more means others' work shared the cores).
     */
    static String loadNote() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return "15-minute load average " + load[2] + " at the end";
        } catch (IOException e) {
            return "load average unknown (" + e.getMessage() + ")";
        }
    }
}
