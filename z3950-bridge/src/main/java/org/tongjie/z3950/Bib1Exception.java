package org.tongjie.z3950;

/**
 * A Bib-1 diagnostic the Z39.50 server answers instead of a result: what a client's user needs to see
 * (yaz-client prints "[114] Unsupported Use attribute -- v2 addinfo '9999'"). Backends throw it for
 * anything they refuse; the server copies {@code code} and {@code addinfo} into GFS's errcode/errstring.
 */
public final class Bib1Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String addinfo;

    public Bib1Exception(int code, String addinfo) {
        super("Bib-1 diagnostic " + code + ": " + addinfo);
        this.code = code;
        this.addinfo = addinfo;
    }

    /** The Bib-1 diagnostic code (e.g. 114 unsupported use attribute, 238 record syntax not supported). */
    public int code() {
        return code;
    }

    /** The additional information sent with the code: the offending attribute value, syntax, set name. */
    public String addinfo() {
        return addinfo;
    }
}
