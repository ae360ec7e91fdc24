package org.tongjie.harvest.oai;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.stream.Collectors;

/** The request URLs of the verbs the client uses. */
final class OaiRequests {
    private OaiRequests() {}

    static URI identify(OaiEndpoint endpoint) {
        return url(endpoint, new LinkedHashMap<>(Map.of("verb", "Identify")));
    }

    static URI listRecords(OaiEndpoint endpoint, Optional<String> from, Optional<String> until) {
        SequencedMap<String, String> args = new LinkedHashMap<>();
        args.put("verb", "ListRecords");
        args.put("metadataPrefix", endpoint.metadataPrefix());
        from.ifPresent(f -> args.put("from", f));
        until.ifPresent(u -> args.put("until", u));
        endpoint.set().ifPresent(s -> args.put("set", s));
        return url(endpoint, args);
    }

    /** A resumption request carries the token alone: the protocol forbids repeating the other arguments. */
    static URI resume(OaiEndpoint endpoint, String token) {
        SequencedMap<String, String> args = new LinkedHashMap<>();
        args.put("verb", "ListRecords");
        args.put("resumptionToken", token);
        return url(endpoint, args);
    }

    private static URI url(OaiEndpoint endpoint, SequencedMap<String, String> args) {
        String query = args.entrySet().stream()
                .map(a -> a.getKey() + "=" + URLEncoder.encode(a.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(endpoint.baseUrl() + "?" + query);
    }
}
