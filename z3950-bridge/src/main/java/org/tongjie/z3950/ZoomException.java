package org.tongjie.z3950;

/**
 * A Z39.50 target, or ZOOM on our side, said no. The message names the target, the diagnostic set and code
 * (Bib-1 for the target's diagnostics, ZOOM-C for the client's own, e.g. 10000 connect failed, 10007
 * timeout), YAZ's text for the code and the additional information, e.g.
 * {@code 127.0.0.1:9999/Default: Connect failed (ZOOM-C 10000): 127.0.0.1:9999}.
 */
public final class ZoomException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String target;
    private final String diagnosticSet;
    private final int code;
    private final String addinfo;

    ZoomException(String target, String diagnosticSet, int code, String message, String addinfo) {
        super(target + ": " + message + " (" + label(diagnosticSet) + " " + code + ")"
                + (addinfo.isEmpty() ? "" : ": " + addinfo));
        this.target = target;
        this.diagnosticSet = label(diagnosticSet);
        this.code = code;
        this.addinfo = addinfo;
    }

    /** The target as host:port/database, with the record position when a record failed. */
    public String target() {
        return target;
    }

    /** "Bib-1" for the target's diagnostics, "ZOOM-C" for errors of the client library. */
    public String diagnosticSet() {
        return diagnosticSet;
    }

    public int code() {
        return code;
    }

    /** The diagnostic's additional information (a database name, a term, a host), or "". */
    public String addinfo() {
        return addinfo;
    }

    /** YAZ calls its own set "ZOOM"; "ZOOM-C" says it is the client library, not the target, that failed. */
    private static String label(String diagnosticSet) {
        return switch (diagnosticSet) {
            case "ZOOM" -> "ZOOM-C";
            case "" -> "unknown set";
            default -> diagnosticSet;
        };
    }
}
