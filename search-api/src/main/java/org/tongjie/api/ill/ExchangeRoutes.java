package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
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
    private final IllHttp http;
    private final SupplyingAgency agency;
    private final IllStore store;

    ExchangeRoutes(IllHttp http, SupplyingAgency agency, IllStore store) {
        this.http = http;
        this.agency = agency;
        this.store = store;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/ill/iso18626", this::iso18626);
        routes.post("/api/ill/agencies", this::registerAgency);
        routes.get("/api/ill/outbox", this::outbox);
    }

    /** Errors in the message are answered in the message: an ERROR confirmation with HTTP 200, as peers expect. */
    private void iso18626(Context ctx) {
        byte[] answer = agency.receive(ctx.bodyAsBytes());
        ctx.contentType("application/xml; charset=UTF-8").result(answer);
    }

    record AgencyBody(String agencyIdType, String agencyIdValue, String name, String callbackUrl, String accountId,
                      String securityCode, String deliveryAddress) {}

    record AgencyView(String symbol, String name, URI callbackUrl, String accountId, String deliveryAddress) {}

    private void registerAgency(Context ctx) {
        http.requireAdmin(ctx);
        AgencyBody b = IllHttp.body(ctx, AgencyBody.class);
        IllHttp.required(b.agencyIdType(), "agencyIdType (e.g. ISIL)");
        IllHttp.required(b.agencyIdValue(), "agencyIdValue");
        IllHttp.required(b.callbackUrl(), "callbackUrl (where the hub posts its supplyingAgencyMessages)");
        Agency a = IllHttp.valid(() -> new Agency(Agency.symbol(b.agencyIdType(), b.agencyIdValue()), b.name(),
                URI.create(b.callbackUrl()), b.accountId(), b.deliveryAddress()));
        IllHttp.valid(() -> {
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
    private void outbox(Context ctx) {
        http.requireAdmin(ctx);
        ctx.json(store.outbox().pending().stream().map(OutboxView::of).toList());
    }
}
