package org.tongjie.harvest.oai;

import java.net.URI;

/** The provider could not be reached, did not answer in time, or kept answering with HTTP errors. */
public final class OaiTransportException extends OaiHarvestException {
    private final int attempts;

    OaiTransportException(URI url, int attempts, String problem, Throwable cause) {
        super(url, "OAI-PMH request " + url + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                + problem, cause);
        this.attempts = attempts;
    }

    /** How many times the request was sent. */
    public int attempts() {
        return attempts;
    }
}
