package org.tongjie.harvest.oai;

import java.net.URI;

/**
 * The provider no longer accepts a resumption token (expired, or its data changed underneath). The
 * token cannot be repaired: harvest again without it, {@code from} the last successful run's datestamp.
 */
public final class BadResumptionTokenException extends OaiPmhException {
    private final String token;

    BadResumptionTokenException(URI url, String token, String providerMessage) {
        super(url, "badResumptionToken", providerMessage,
                "The resumption token has expired or is unknown: harvest again from the last checkpoint's datestamp.");
        this.token = token;
    }

    /** The token the provider refused; empty when it refused a request without one. */
    public String token() {
        return token;
    }
}
