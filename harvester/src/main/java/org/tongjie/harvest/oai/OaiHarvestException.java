package org.tongjie.harvest.oai;

import java.net.URI;

/** Any failure of an OAI-PMH request; the message names the URL and what to do. */
public abstract sealed class OaiHarvestException extends RuntimeException
        permits OaiPmhException, OaiTransportException, OaiResponseException {
    private final URI url;

    OaiHarvestException(URI url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    /** The request that failed. */
    public URI url() {
        return url;
    }
}
