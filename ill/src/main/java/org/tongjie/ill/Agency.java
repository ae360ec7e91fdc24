package org.tongjie.ill;

import java.net.URI;

/**
 * An external ILL system the network lends to (a national or neighbouring network), known by its ISO 18626
 * agency id. Its requests borrow on behalf of the agency: the agency is the "reader" and its
 * {@code symbol} stands where a member library id would (member ids never contain ':').
 *
 * @param symbol agencyIdType:agencyIdValue, e.g. {@code ISIL:CN-310000-SH}
 * @param callbackUrl where the hub posts its supplyingAgencyMessages
 * @param accountId the accountId the agency authenticates with (its securityCode is kept only hashed)
 * @param deliveryAddress where loans go when a request names no delivery address
 */
public record Agency(String symbol, String name, URI callbackUrl, String accountId, String deliveryAddress) {
    public Agency {
        Checks.nonBlank(symbol, "agency symbol");
        if (!symbol.matches("[^:\\s]+:[^\\s]+")) {
            throw new IllegalArgumentException("an agency symbol is agencyIdType:agencyIdValue, e.g. ISIL:CN-SH, was '"
                    + symbol + "'");
        }
        Checks.nonBlank(name, "agency name");
        Checks.present(callbackUrl, "agency callback URL");
        if (!"http".equals(callbackUrl.getScheme()) && !"https".equals(callbackUrl.getScheme())) {
            throw new IllegalArgumentException("the agency callback URL must be http or https, was " + callbackUrl);
        }
        Checks.nonBlank(accountId, "agency accountId");
        Checks.nonBlank(deliveryAddress, "agency delivery address");
    }

    public static String symbol(String agencyIdType, String agencyIdValue) {
        return agencyIdType + ":" + agencyIdValue;
    }

    /** The actor name written into the events of the agency's own actions. */
    public String actor() {
        return "agency:" + symbol;
    }
}
