package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.CredentialCheck;
import org.tongjie.api.http.ProblemCode;
import org.tongjie.api.http.Problems;
import org.tongjie.ill.ConcurrentChangeException;
import org.tongjie.ill.IllService;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.ReaderExistsException;
import org.tongjie.ill.IllegalTransitionException;
import org.tongjie.ill.LoanRuleException;
import org.tongjie.ill.NotPermittedException;
import org.tongjie.ill.OutboxSender;
import org.tongjie.ill.UnknownRequestException;
import org.tongjie.ill.WebhookTargets;
import org.tongjie.ill.WebhookTransport;
import org.tongjie.ill.iso18626.Iso18626;
import org.tongjie.ill.iso18626.Iso18626Schema;
import org.tongjie.ill.iso18626.SupplyingAgency;
import org.tongjie.indexer.Catalog;

/**
 * The ILL part of the hub, put together: the store and service, the routes under {@code /api/ill} (each
 * group in its own class, thin handlers over {@link IllService}), the ILL accounts as credentials for the
 * hub's one authenticator, and the background jobs.
 */
public final class IllHttp implements AutoCloseable {
    /** The hub's own ISO 18626 agency id, which external agencies address their requests to. */
    public static final Iso18626.AgencyId HUB_AGENCY = new Iso18626.AgencyId("ISIL", "CN-TONGJIE");
    /** How long an outbox delivery (an ISO 18626 message, a webhook) may take unless the network says otherwise. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private final IllStore store;
    private final IllService ill;
    private final CatalogLookup lookup;
    private final SupplyingAgency agency;
    private final NotificationRoutes notifications;
    private final OutboxSender sender;
    private final IllJobs jobs;

    public IllHttp(IllStore store, CatalogLookup lookup, Clock clock) {
        this(store, lookup, clock, HUB_AGENCY, DEFAULT_DELIVERY_TIMEOUT);
    }

    /**
     * With the hub's own agency id and how long a delivery (an ISO 18626 message or a webhook) may take
     * before the outbox tries again later.
     */
    public IllHttp(IllStore store, CatalogLookup lookup, Clock clock, Iso18626.AgencyId hubAgency, Duration deliveryTimeout) {
        this(store, lookup, clock, hubAgency, deliveryTimeout, WebhookTargets.PUBLIC_ONLY);
    }

    /** As above, with where members' webhooks may point (public addresses only unless the administrator allows private ones). */
    public IllHttp(IllStore store, CatalogLookup lookup, Clock clock, Iso18626.AgencyId hubAgency, Duration deliveryTimeout,
            WebhookTargets webhookTargets) {
        this.store = store;
        this.lookup = lookup;
        this.ill = new IllService(store, () -> lookup.network(store.settings()), clock);
        this.agency = new SupplyingAgency(ill, lookup, hubAgency, clock, Iso18626Schema.fromClasspath());
        this.sender = new OutboxSender(store.outbox(), Map.of(SupplyingAgency.channel(), agency.transport(deliveryTimeout),
                WebhookTransport.CHANNEL, new WebhookTransport(store.webhooks(), webhookTargets, deliveryTimeout)),
                clock, Duration.ofSeconds(5), Duration.ofHours(1));
        this.notifications = new NotificationRoutes(ill, lookup.catalog(), clock, webhookTargets);
        this.jobs = new IllJobs(ill, sender);
        store.addListener(t -> sender.nudge());
    }

    /** The ILL store in {@code dataDir/ill.db}, over the hub's catalogue. */
    public static IllHttp open(Path dataDir, Catalog catalog, Clock clock) {
        return open(dataDir, catalog, clock, HUB_AGENCY, DEFAULT_DELIVERY_TIMEOUT);
    }

    /** As above, with the hub's agency id and delivery timeout. */
    public static IllHttp open(Path dataDir, Catalog catalog, Clock clock, Iso18626.AgencyId hubAgency, Duration deliveryTimeout) {
        return open(dataDir, catalog, clock, hubAgency, deliveryTimeout, WebhookTargets.PUBLIC_ONLY);
    }

    /** As above, with where members' webhooks may point. */
    public static IllHttp open(Path dataDir, Catalog catalog, Clock clock, Iso18626.AgencyId hubAgency, Duration deliveryTimeout,
            WebhookTargets webhookTargets) {
        return new IllHttp(IllStore.openSqlite(dataDir.resolve("ill.db"), clock), new CatalogLookup(catalog), clock,
                hubAgency, deliveryTimeout, webhookTargets);
    }

    public IllStore store() {
        return store;
    }

    /** Delivers the outbox (ISO 18626 status reports, webhooks) now; the background delivery does the same. */
    public OutboxSender.Report deliverOutbox() {
        return sender.runOnce();
    }

    NotificationRoutes notifications() {
        return notifications;
    }

    /**
     * On first start, an administrator key written to {@code file} (readable by the owner only), to issue
     * member keys with; afterwards the file is left alone.
     */
    public Optional<String> bootstrapAdminKey(Path file) throws IOException {
        return AdminKeyFile.bootstrap(store.accounts(), file);
    }

    /**
     * Runs the overdue, pickup-expiry and lender-timeout jobs every {@code minutes}, and delivers the outbox
     * in the background: at once after each move, and every 30 seconds for retries.
     */
    public void scheduleJobs(long minutes) {
        jobs.start(minutes);
    }

    /** Readers' cards and PINs, desk and administrator keys, for the hub's authenticator. */
    public CredentialCheck credentials() {
        return new IllCredentials(store.accounts());
    }

    /** The /api/ill routes, each stating whom it serves through {@code access}, and the ILL service's refusals as problems. */
    public void register(RoutesConfig routes, Access access) {
        new RequestRoutes(ill, lookup).register(routes, access);
        new DeskRoutes(ill).register(routes, access);
        new AccountRoutes(ill).register(routes, access);
        new ExchangeRoutes(agency, store).register(routes, access);
        notifications.register(routes, access);
        new SettingsRoutes(ill).register(routes, access);
        new IllReportsHttp(store.reports(), lookup).register(routes, access);
        Problems.map(routes, NotPermittedException.class, ProblemCode.FORBIDDEN);
        Problems.map(routes, UnknownRequestException.class, ProblemCode.NOT_FOUND);
        Problems.map(routes, ConcurrentChangeException.class, ProblemCode.CONFLICT);
        Problems.map(routes, IllegalTransitionException.class, ProblemCode.CONFLICT);
        Problems.map(routes, ReaderExistsException.class, ProblemCode.CONFLICT);
        Problems.map(routes, LoanRuleException.class, ProblemCode.UNPROCESSABLE);
    }

    @Override
    public void close() {
        jobs.close();
        sender.close();
        notifications.close();
        store.close();
    }
}
