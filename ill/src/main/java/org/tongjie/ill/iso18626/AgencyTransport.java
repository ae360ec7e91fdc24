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

/**
 * POSTs a supplyingAgencyMessage to the agency's callback URL (looked up at send time, so a corrected URL
 * applies to what is still waiting). Delivered means the agency answered with a schema-valid
 * confirmation; an ERROR confirmation is delivered too (sending the same message again would not change
 * the answer) and recorded as the outcome.
 */
final class AgencyTransport implements Transport {
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
        Iso18626.Confirmation c = reader.readConfirmation(response.body());
        if (c.answers() != Iso18626.Kind.SUPPLYING_AGENCY_MESSAGE) {
            throw new IllegalStateException(agency.callbackUrl() + " answered with a confirmation of a " + c.answers());
        }
        return c.status() + c.error().map(e -> " " + e.type() + ": " + e.value()).orElse("");
    }
}
