package org.tongjie.ill.iso18626;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongjie.ill.Agency;
import org.tongjie.ill.AgencyLink;
import org.tongjie.ill.ConcurrentChangeException;
import org.tongjie.ill.IllService;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.Pickup;
import org.tongjie.ill.Reader;
import org.tongjie.ill.ServiceType;
import org.tongjie.ill.Transport;
import org.tongjie.ill.iso18626.Iso18626.AgencyId;
import org.tongjie.ill.iso18626.Iso18626.Confirmation;
import org.tongjie.ill.iso18626.Iso18626.ErrorType;
import org.tongjie.ill.iso18626.Iso18626Reader.Parsed;

/**
 * The hub as ISO 18626 supplying agency for registered external agencies: an agency's request becomes a
 * hub request with the agency as borrower, routed to member lenders as usual; its requestingAgencyMessages
 * become the hub's moves where there is one; what member staff then do is reported back through the outbox
 * ({@link StatusReports}). Every answer is a confirmation, OK or ERROR with the schema's error type.
 */
public final class SupplyingAgency {
    private final IllService ill;
    private final IllStore store;
    private final RecordLookup lookup;
    private final AgencyId hub;
    private final Clock clock;
    private final StatusReports reports;
    private final AgencyActions actions;
    private final Iso18626Reader reader;

    /**
     * @param hub the hub's own agency id, which agencies address their requests to (supplyingAgencyId)
     * @param schema what every message is validated with ({@link Iso18626Schema#fromClasspath()})
     */
    public SupplyingAgency(IllService ill, RecordLookup lookup, AgencyId hub, Clock clock, Iso18626Schema schema) {
        this.ill = ill;
        this.store = ill.store();
        this.lookup = lookup;
        this.hub = hub;
        this.clock = clock;
        this.reader = new Iso18626Reader(schema);
        this.reports = new StatusReports(hub);
        this.actions = new AgencyActions(ill, reports, clock);
        store.addOutboxRule(reports);
    }

    /** The outbox channel the status reports travel on. */
    public static String channel() {
        return StatusReports.CHANNEL;
    }

    /** Delivers status reports to each agency's callback URL. */
    public Transport transport(java.time.Duration timeout) {
        return new AgencyTransport(store.agencies(), reader, timeout);
    }

    /** Answers one posted message with its confirmation, as XML. */
    public byte[] receive(byte[] xml) {
        return Iso18626Writer.write(answer(xml));
    }

    Confirmation answer(byte[] xml) {
        return switch (reader.read(xml)) {
            case Parsed.Refused r -> Confirmation.error(r.kind(), r.echo(), clock.instant(), r.error().type(), r.error().value());
            case Parsed.Accepted a -> accepted(a.message());
        };
    }

    private Confirmation accepted(Iso18626.Message m) {
        var auth = m.header().authentication();
        String symbol = m.header().requestingAgencyId().symbol();
        if (m instanceof Iso18626.SupplyingAgencyMessage) {
            return refuse(m, ErrorType.UnrecognisedDataValue, "requestingAgencyRequestId: request with a given ID not found;"
                    + " this hub only supplies, it has sent no requests");
        }
        if (store.agencies().find(symbol).isEmpty()) {
            return refuse(m, ErrorType.UnrecognisedDataValue, "requestingAgencyId: " + symbol + " is not registered with "
                    + "this hub; its network administrator registers agencies");
        }
        Optional<Agency> agency = store.agencies().authenticate(symbol,
                auth.flatMap(Iso18626.Authentication::accountId).orElse(null),
                auth.flatMap(Iso18626.Authentication::securityCode).orElse(null));
        if (agency.isEmpty()) {
            return refuse(m, ErrorType.UnrecognisedDataValue, "requestingAgencyAuthentication: accountId and securityCode "
                    + "are missing or not the ones registered for " + symbol);
        }
        if (!m.header().supplyingAgencyId().equals(hub)) {
            return refuse(m, ErrorType.UnrecognisedDataValue, "supplyingAgencyId: this hub is " + hub.symbol() + ", not "
                    + m.header().supplyingAgencyId().symbol());
        }
        return switch (m) {
            case Iso18626.Request r -> request(r, agency.get());
            case Iso18626.RequestingAgencyMessage r -> actions.act(r, agency.get());
            case Iso18626.SupplyingAgencyMessage s -> throw new IllegalStateException("answered above");
        };
    }

    private Confirmation request(Iso18626.Request r, Agency agency) {
        var bib = r.bibliographic();
        Optional<RecordLookup.Match> match = bib.supplierUniqueRecordId().flatMap(lookup::byRecordId)
                .or(() -> bib.isbn().flatMap(lookup::byIsbn));
        if (match.isEmpty()) {
            return refuse(r, ErrorType.UnrecognisedDataValue, "bibliographicInfo: no union record with supplierUniqueRecordId "
                    + bib.supplierUniqueRecordId().map(s -> "'" + s + "'").orElse("(none)") + " and none with ISBN "
                    + bib.isbn().orElse("(none)") + " in the union catalogue");
        }
        var link = new AgencyLink(agency.symbol(), r.header().requestingAgencyRequestId());
        var reader = new Reader(r.patronId().orElse(link.agencyRequestId()), agency.symbol());
        var type = r.serviceType() == Iso18626.ServiceType.Copy ? ServiceType.COPY : ServiceType.LOAN;
        var pickup = new Pickup.HomeDelivery(r.deliveryAddress().orElse(agency.deliveryAddress()));
        ill.submitForAgency(link, match.get().citation(), reader, type, pickup, match.get().holdings());
        return Confirmation.ok(r, clock.instant());
    }

    private Confirmation refuse(Iso18626.Message m, ErrorType type, String value) {
        return Confirmation.error(m, clock.instant(), type, value);
    }

    /** The request behind an agency's message, re-read on a concurrent change and tried again. */
    static <T> T retrying(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (ConcurrentChangeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
