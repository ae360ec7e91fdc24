package org.tongjie.ill.iso18626;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.tongjie.ill.Agencies;
import org.tongjie.ill.Agency;
import org.tongjie.ill.OutboxEntry;
import org.tongjie.ill.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a supplyingAgencyMessage to the agency's callback URL (looked up at send time, so a corrected URL
 * applies to what is still waiting). Delivered means the agency's server took the message (HTTP 2xx); its
 * confirmation, OK or ERROR, is recorded as the outcome. A 2xx whose body is not a valid confirmation is
 * delivered too, with that recorded and logged: the agency has the message, and sending it again would
 * only give it a duplicate (its confirmation would not get better).
 */
final class AgencyTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(AgencyTransport.class);
    private final Agencies agencies;
    private final Iso18626Reader reader;
    private final Duration timeout;
    private final HttpClient http;

    AgencyTransport(Agencies agencies, Iso18626Reader reader, Duration timeout) {
        this.agencies = agencies;
        this.reader = reader;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String deliver(OutboxEntry entry) throws Exception {
        Agency agency = agencies.find(entry.message().target()).orElseThrow(() -> new IllegalStateException(
                "agency " + entry.message().target() + " is no longer registered"));
        var request = HttpRequest.newBuilder(agency.callbackUrl()).timeout(timeout)
                .header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(entry.message().payload(), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(agency.callbackUrl() + " answered HTTP " + response.statusCode());
        }
        try {
            Iso18626.Confirmation c = reader.readConfirmation(response.body());
            if (c.answers() != Iso18626.Kind.SUPPLYING_AGENCY_MESSAGE) {
                return unconfirmed(agency, response.statusCode(), "a confirmation of a " + c.answers());
            }
            return c.status() + c.error().map(e -> " " + e.type() + ": " + e.value()).orElse("");
        } catch (IllegalArgumentException e) {
            return unconfirmed(agency, response.statusCode(), e.getMessage());
        }
    }

    private static String unconfirmed(Agency agency, int status, String why) {
        LOG.warn("{} took a message (HTTP {}) but its answer is not a valid confirmation; not sent again: {}",
                agency.callbackUrl(), status, why);
        return "DELIVERED without a valid confirmation (HTTP " + status + "): " + why;
    }
}
