package org.tongjie.harvest.oai;

import java.net.URI;

/**
 * The provider answered with an OAI-PMH {@code <error>} (other than {@code noRecordsMatch}, which is an
 * empty harvest): {@code badArgument}, {@code cannotDisseminateFormat}, {@code noSetHierarchy}, ….
 */
public sealed class OaiPmhException extends OaiHarvestException permits BadResumptionTokenException {
    private final String code;
    private final String providerMessage;

    OaiPmhException(URI url, String code, String providerMessage) {
        this(url, code, providerMessage, advice(code));
    }

    OaiPmhException(URI url, String code, String providerMessage, String advice) {
        super(url, "OAI-PMH error " + code + " from " + url
                + (providerMessage.isBlank() ? "" : ": " + providerMessage) + ". " + advice, null);
        this.code = code;
        this.providerMessage = providerMessage;
    }

    /** The OAI-PMH error code as sent, e.g. {@code cannotDisseminateFormat}. */
    public String code() {
        return code;
    }

    /** The provider's own explanation; may be empty. */
    public String providerMessage() {
        return providerMessage;
    }

    private static String advice(String code) {
        return switch (code) {
            case "cannotDisseminateFormat" -> "Check the member's metadataPrefix against the provider's ListMetadataFormats.";
            case "noSetHierarchy" -> "The provider has no sets: remove the set from the member's endpoint.";
            case "badArgument" -> "The provider rejected an argument; check the endpoint's set and metadataPrefix.";
            default -> "Check the member's OAI-PMH endpoint settings.";
        };
    }
}
