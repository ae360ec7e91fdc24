package org.tongjie.harvest.oai;

import java.net.URI;

/**
 * The provider answered, but not with a usable OAI-PMH response: XML that is not well-formed, another
 * document, or a protocol violation. Retrying rarely helps; the message says where it broke.
 */
public final class OaiResponseException extends OaiHarvestException {
    OaiResponseException(URI url, String problem) {
        super(url, "unusable OAI-PMH response from " + url + ": " + problem, null);
    }
}
