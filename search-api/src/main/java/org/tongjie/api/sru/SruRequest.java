package org.tongjie.api.sru;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * A searchRetrieve or explain request as the parameters say. Parsed once at the edge; each bad value is a
 * diagnostic naming the parameter.
 */
record SruRequest(SruVersion version, Operation operation, Optional<String> query, int startRecord,
        int maximumRecords, RecordSchema schema, boolean escaped) {
    static final int DEFAULT_MAXIMUM_RECORDS = 10;
    /** A page larger than this is cut to it: SRU lets a server return fewer records than asked for. */
    static final int MAXIMUM_RECORDS_LIMIT = 100;

    enum Operation { EXPLAIN, SEARCH_RETRIEVE }

    /** A parameter of the request: in the URL for GET, in the form-encoded body for POST (SRU's HTTP POST binding). */
    static String param(Context ctx, String name) {
        return ctx.method() == HandlerType.POST ? ctx.formParam(name) : ctx.queryParam(name);
    }

    /** The version to answer in even when the request is refused: the one asked for if we speak it. */
    static SruVersion versionOf(Context ctx) {
        String asked = param(ctx, "version");
        if (asked == null) {
            return param(ctx, "operation") == null ? SruVersion.V2_0 : SruVersion.V1_2;
        }
        return SruVersion.of(asked).orElseThrow(() -> new SruDiagnostic(SruDiagnostic.UNSUPPORTED_VERSION, "1.2",
                "version " + asked + " is not supported; 1.1, 1.2 and 2.0 are"));
    }

    static SruRequest of(Context ctx, SruVersion version) {
        Optional<String> query = Optional.ofNullable(param(ctx, "query"));
        Operation operation = operation(param(ctx, "operation"), query, version);
        if (operation == Operation.SEARCH_RETRIEVE && query.isEmpty()) {
            throw new SruDiagnostic(SruDiagnostic.MANDATORY_PARAMETER_MISSING, "query", "searchRetrieve needs a query");
        }
        if (param(ctx, "sortKeys") != null) {
            throw new SruDiagnostic(SruDiagnostic.SORT_NOT_SUPPORTED, "sortKeys", "results come in relevance order only");
        }
        int start = number(ctx, "startRecord", 1, 1);
        int maximum = Math.min(number(ctx, "maximumRecords", DEFAULT_MAXIMUM_RECORDS, 0), MAXIMUM_RECORDS_LIMIT);
        String schemaName = Optional.ofNullable(param(ctx, "recordSchema")).orElse("marcxml");
        RecordSchema schema = RecordSchema.of(schemaName).orElseThrow(() -> new SruDiagnostic(SruDiagnostic.UNKNOWN_SCHEMA,
                schemaName, "unknown record schema; marcxml, marcxchange and dc are served"));
        String packing = Optional.ofNullable(param(ctx, version.escapingParameter())).orElse("xml");
        if (!packing.equals("xml") && !packing.equals("string")) {
            throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_RECORD_PACKING, packing,
                    version.escapingParameter() + " must be xml or string");
        }
        return new SruRequest(version, operation, query, start, maximum, schema, packing.equals("string"));
    }

    private static Operation operation(String operation, Optional<String> query, SruVersion version) {
        if (operation == null) {
            if (!version.isTwo() && query.isPresent()) {
                throw new SruDiagnostic(SruDiagnostic.MANDATORY_PARAMETER_MISSING, "operation", "SRU 1.x needs an operation");
            }
            return query.isPresent() ? Operation.SEARCH_RETRIEVE : Operation.EXPLAIN;
        }
        return switch (operation) {
            case "searchRetrieve" -> Operation.SEARCH_RETRIEVE;
            case "explain" -> Operation.EXPLAIN;
            default -> throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_OPERATION, operation,
                    "operation " + operation + " is not supported; searchRetrieve and explain are");
        };
    }

    private static int number(Context ctx, String name, int fallback, int least) {
        String value = param(ctx, name);
        if (value == null) {
            return fallback;
        }
        String digits = value.strip();
        if (digits.matches("\\d{1,9}") && Integer.parseInt(digits) >= least) {
            return Integer.parseInt(digits);
        }
        throw new SruDiagnostic(SruDiagnostic.UNSUPPORTED_PARAMETER_VALUE, name,
                name + " must be an integer of at least " + least + ", was '" + value + "'");
    }
}
