package org.tongjie.api.oai;

/** An OAI-PMH error condition answered in place of the verb's result (HTTP 200, as the protocol says). */
final class OaiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Code { badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch,
        noMetadataFormats, noSetHierarchy }

    private final Code code;

    OaiError(Code code, String message) {
        super(message);
        this.code = code;
    }

    Code code() {
        return code;
    }
}
