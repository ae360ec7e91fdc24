package org.tongjie.ill.iso18626;

/** The ISO 18626 schema is not there to validate with; the hub refuses ISO 18626 rather than skip validation. */
public final class SchemaUnavailableException extends RuntimeException {
    SchemaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
