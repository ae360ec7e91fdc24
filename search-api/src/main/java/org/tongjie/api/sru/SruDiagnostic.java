package org.tongjie.api.sru;

/**
 * An SRU diagnostic ({@code info:srw/diagnostic/1/CODE}) answered instead of a result: what a client's user
 * needs to see. {@code details} names the offending parameter, index, relation or term.
 */
final class SruDiagnostic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final int GENERAL_SYSTEM_ERROR = 1;
    static final int UNSUPPORTED_OPERATION = 4;
    static final int UNSUPPORTED_VERSION = 5;
    static final int UNSUPPORTED_PARAMETER_VALUE = 6;
    static final int MANDATORY_PARAMETER_MISSING = 7;
    static final int QUERY_SYNTAX_ERROR = 10;
    static final int UNSUPPORTED_CONTEXT_SET = 15;
    static final int UNSUPPORTED_INDEX = 16;
    static final int UNSUPPORTED_RELATION = 19;
    static final int UNSUPPORTED_RELATION_MODIFIER = 20;
    static final int EMPTY_TERM = 27;
    static final int MASKING_NOT_SUPPORTED = 28;
    static final int ANCHORING_NOT_SUPPORTED = 32;
    static final int UNSUPPORTED_BOOLEAN_OPERATOR = 37;
    static final int UNSUPPORTED_BOOLEAN_MODIFIER = 46;
    static final int FIRST_RECORD_OUT_OF_RANGE = 61;
    static final int RECORD_TEMPORARILY_UNAVAILABLE = 64;
    static final int UNKNOWN_SCHEMA = 66;
    static final int UNSUPPORTED_RECORD_PACKING = 71;
    static final int SORT_NOT_SUPPORTED = 80;

    private final int code;
    private final String details;
    private final long numberOfRecords;

    SruDiagnostic(int code, String details, String message) {
        this(code, details, message, 0);
    }

    /** A refusal of a search that found records: startRecord past them still says how many there are. */
    SruDiagnostic(int code, String details, String message, long numberOfRecords) {
        super(message);
        this.code = code;
        this.details = details;
        this.numberOfRecords = numberOfRecords;
    }

    long numberOfRecords() {
        return numberOfRecords;
    }

    int code() {
        return code;
    }

    String uri() {
        return "info:srw/diagnostic/1/" + code;
    }

    String details() {
        return details;
    }
}
