package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.Valid;
import org.tongjie.ill.Agency;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.OutboxEntry;
import org.tongjie.ill.iso18626.SupplyingAgency;

/**
 * ISO 18626 over HTTP: the endpoint external agencies post to (XML in, confirmation XML out; they
 * authenticate inside the message), the administrator's registry of agencies, and the outbox's
 * undelivered messages.
 */
final class ExchangeRoutes {
    private final SupplyingAgency agency;
    private final IllStore store;

    ExchangeRoutes(SupplyingAgency agency, IllStore store) {
        this.agency = agency;
        this.store = store;
    }

    void register(RoutesConfig routes, Access access) {
        routes.post("/api/ill/iso18626", Access.anyone(this::iso18626));
        routes.post("/api/ill/agencies", access.needs(Need.illAdmin(), this::registerAgency));
        routes.get("/api/ill/outbox", access.needs(Need.illAdmin(), this::outbox));
    }

    /** Errors in the message are answered in the message: an ERROR confirmation with HTTP 200, as peers expect. */
    private void iso18626(Context ctx) {
        byte[] answer = agency.receive(ctx.bodyAsBytes());
        ctx.contentType("application/xml; charset=UTF-8").result(answer);
    }

    record AgencyBody(String agencyIdType, String agencyIdValue, String name, String callbackUrl, String accountId,
                      String securityCode, String deliveryAddress) {}

    record AgencyView(String symbol, String name, URI callbackUrl, String accountId, String deliveryAddress) {}

    private void registerAgency(Context ctx, Caller.NetworkAdmin admin) {
        AgencyBody b = ctx.bodyValidator(AgencyBody.class)
                .check("agencyIdType", x -> x.agencyIdType() != null, "is required, e.g. ISIL")
                .check("agencyIdValue", x -> x.agencyIdValue() != null, "is required")
                .check("name", x -> x.name() != null, "is required")
                .check("callbackUrl", x -> x.callbackUrl() != null, "is required: where the hub posts its supplyingAgencyMessages")
                .check("accountId", x -> x.accountId() != null, "is required: the accountId the agency authenticates with")
                .check("securityCode", x -> x.securityCode() != null, "is required: the shared secret, 16 characters or more")
                .check("deliveryAddress", x -> x.deliveryAddress() != null, "is required")
                .get();
        Agency a = Valid.of(() -> new Agency(Agency.symbol(b.agencyIdType(), b.agencyIdValue()), b.name(),
                URI.create(b.callbackUrl()), b.accountId(), b.deliveryAddress()));
        Valid.of(() -> {
            store.agencies().register(a, b.securityCode());
            return a;
        });
        ctx.status(HttpStatus.CREATED).json(new AgencyView(a.symbol(), a.name(), a.callbackUrl(), a.accountId(),
                a.deliveryAddress()));
    }

    record OutboxView(long id, long requestId, String channel, String target, Instant createdAt, int attempts,
                      Instant nextAttempt, Optional<String> outcome) {
        static OutboxView of(OutboxEntry e) {
            return new OutboxView(e.id(), e.requestId(), e.message().channel(), e.message().target(), e.createdAt(),
                    e.attempts(), e.nextAttempt(), e.outcome());
        }
    }

    /** What has not left yet, oldest first, with the last attempt's error. */
    private void outbox(Context ctx, Caller.NetworkAdmin admin) {
        ctx.json(store.outbox().pending().stream().map(OutboxView::of).toList());
    }
}
