package org.tongjie.harvest.oai;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and what to harvest: a member's OAI-PMH base URL, the metadata format, and optionally one set.
 *
 * @param baseUrl the provider's base URL, absolute http(s), without a query (the client adds {@code verb=…})
 * @param metadataPrefix the format to ask for, {@code marc21} for MARCXML
 * @param set the setSpec to restrict the harvest to, if any
 */
public record OaiEndpoint(URI baseUrl, String metadataPrefix, Optional<String> set) {
    // Characters the OAI-PMH schema allows in metadataPrefix and in each setSpec segment.
    private static final String UNRESERVED = "[A-Za-z0-9\\-_.!~*'()]+";
    private static final Pattern PREFIX = Pattern.compile(UNRESERVED);
    private static final Pattern SET_SPEC = Pattern.compile(UNRESERVED + "(:" + UNRESERVED + ")*");

    public OaiEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(metadataPrefix, "metadataPrefix");
        Objects.requireNonNull(set, "set");
        require(baseUrl.isAbsolute() && baseUrl.getHost() != null
                && ("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme())),
                "the OAI-PMH base URL must be an absolute http(s) URL with a host: " + baseUrl);
        require(baseUrl.getRawQuery() == null && baseUrl.getRawFragment() == null,
                "the OAI-PMH base URL must not carry a query or fragment (the client adds verb=…): " + baseUrl);
        require(PREFIX.matcher(metadataPrefix).matches(), "not a valid OAI-PMH metadataPrefix: '" + metadataPrefix + "'");
        set.ifPresent(spec -> require(SET_SPEC.matcher(spec).matches(), "not a valid OAI-PMH setSpec: '" + spec + "'"));
    }

    /** The whole repository as MARCXML ({@code marc21}), no set. */
    public static OaiEndpoint marc21(URI baseUrl) {
        return new OaiEndpoint(baseUrl, "marc21", Optional.empty());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
