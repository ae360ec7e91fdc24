package org.tongjie.api.ill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.ill.Action;
import org.tongjie.ill.ActionRequest;
import org.tongjie.ill.Citation;
import org.tongjie.ill.ConcurrentChangeException;
import org.tongjie.ill.IllRequest;
import org.tongjie.ill.IllService;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.IllegalTransitionException;
import org.tongjie.ill.LoanRuleException;
import org.tongjie.ill.NotPermittedException;
import org.tongjie.ill.OutboxSender;
import org.tongjie.ill.Pickup;
import org.tongjie.ill.Principal;
import org.tongjie.ill.Reader;
import org.tongjie.ill.ServiceType;
import org.tongjie.ill.StaffDesk;
import org.tongjie.ill.StaffQueue;
import org.tongjie.ill.UnknownRequestException;
import org.tongjie.ill.WebhookTransport;
import org.tongjie.ill.iso18626.Iso18626;
import org.tongjie.ill.iso18626.Iso18626Schema;
import org.tongjie.ill.iso18626.SupplyingAgency;
import org.tongjie.indexer.Catalog;

/**
 * The ILL part of the HTTP API under {@code /api/ill}: thin handlers that authenticate, parse and hand
 * over to {@link IllService}. Readers authenticate with HTTP Basic (card number and PIN); member staff
 * and network administrators with an {@code X-Api-Key} header.
 */
public final class IllHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IllHttp.class);

    private final IllStore store;
    private final IllService ill;
    private final StaffDesk desk;
    private final CatalogLookup lookup;
    private final ExchangeRoutes exchange;
    private final NotificationRoutes notifications;
    private final OutboxSender sender;
    private ScheduledExecutorService scheduler;

    /** The hub's own ISO 18626 agency id, which external agencies address their requests to. */
    public static final Iso18626.AgencyId HUB_AGENCY = new Iso18626.AgencyId("ISIL", "CN-TONGJIE");
    /** How long an outbox delivery (an ISO 18626 message, a webhook) may take unless the network says otherwise. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    public IllHttp(IllStore store, CatalogLookup lookup, Clock clock) {
        this(store, lookup, clock, HUB_AGENCY, DEFAULT_DELIVERY_TIMEOUT);
    }

    /**
     * With the hub's own agency id and how long a delivery (an ISO 18626 message or a webhook) may take
     * before the outbox tries again later.
     */
    public IllHttp(IllStore store, CatalogLookup lookup, Clock clock, Iso18626.AgencyId hubAgency, Duration deliveryTimeout) {
        this.store = store;
        this.lookup = lookup;
        this.ill = new IllService(store, () -> lookup.network(store.settings()), clock);
        this.desk = new StaffDesk(ill);
        var agency = new SupplyingAgency(ill, lookup, hubAgency, clock, Iso18626Schema.fromClasspath());
        this.sender = new OutboxSender(store.outbox(), Map.of(SupplyingAgency.channel(), agency.transport(deliveryTimeout),
                WebhookTransport.CHANNEL, new WebhookTransport(store.webhooks(), deliveryTimeout)),
                clock, Duration.ofSeconds(5), Duration.ofHours(1));
        this.exchange = new ExchangeRoutes(this, agency, store);
        this.notifications = new NotificationRoutes(this, ill, lookup.catalog(), clock);
        store.addListener(t -> sender.nudge());
    }

    /** Delivers the outbox (ISO 18626 status reports, webhooks) now; the background delivery does the same. */
    public OutboxSender.Report deliverOutbox() {
        return sender.runOnce();
    }

    /** The ILL store in {@code dataDir/ill.db}, over the hub's catalogue. */
    public static IllHttp open(Path dataDir, Catalog catalog, Clock clock) {
        return open(dataDir, catalog, clock, HUB_AGENCY, DEFAULT_DELIVERY_TIMEOUT);
    }

    /** As above, with the hub's agency id and delivery timeout. */
    public static IllHttp open(Path dataDir, Catalog catalog, Clock clock, Iso18626.AgencyId hubAgency, Duration deliveryTimeout) {
        return new IllHttp(IllStore.openSqlite(dataDir.resolve("ill.db"), clock), new CatalogLookup(catalog), clock,
                hubAgency, deliveryTimeout);
    }

    NotificationRoutes notifications() {
        return notifications;
    }

    public IllStore store() {
        return store;
    }

    /**
     * On first start, an administrator key written to {@code file} (readable by the owner only), to issue
     * member keys with; afterwards the file is left alone.
     */
    public Optional<String> bootstrapAdminKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return Optional.empty();
        }
        String key = store.accounts().issueAdminKey("bootstrap");
        Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return Optional.of(key);
    }

    /**
     * Runs the overdue, pickup-expiry and lender-timeout jobs every {@code minutes}, and delivers the outbox
     * in the background: at once after each move, and every 30 seconds for retries.
     */
    public void scheduleJobs(long minutes) {
        sender.start(Duration.ofSeconds(30));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("ill-jobs").unstarted(r));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                ill.runScheduledJobs();
            } catch (RuntimeException e) {
                LOG.error("ILL scheduled jobs failed; they run again in {} minutes", minutes, e);
            }
        }, minutes, minutes, TimeUnit.MINUTES);
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/ill/requests", this::create);
        routes.get("/api/ill/requests/{id}", this::show);
        routes.post("/api/ill/requests/{id}/actions", this::act);
        routes.get("/api/ill/libraries/{library}/queues/{queue}", this::queue);
        routes.get("/api/ill/libraries/{library}/pick-list", this::pickList);
        routes.post("/api/ill/libraries/{library}/bulk", this::bulk);
        routes.post("/api/ill/readers", this::registerReader);
        routes.post("/api/ill/api-keys", this::issueKey);
        routes.post("/api/ill/jobs/run", this::runJobs);
        exchange.register(routes);
        notifications.register(routes);
        new SettingsRoutes(this, store).register(routes);
        new IllReportsHttp(store.reports(), lookup, this::authenticate).register(routes);
        routes.exception(Unauthenticated.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Basic realm=\"tongjie-ill\"");
            error(ctx, HttpStatus.UNAUTHORIZED, e.getMessage());
        });
        routes.exception(NotPermittedException.class, (e, ctx) -> error(ctx, HttpStatus.FORBIDDEN, e.getMessage()));
        routes.exception(UnknownRequestException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
        routes.exception(ConcurrentChangeException.class, (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e.getMessage()));
        routes.exception(IllegalTransitionException.class, (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e.getMessage()));
        routes.exception(LoanRuleException.class, (e, ctx) -> error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
        routes.exception(Invalid.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    // ---- handlers

    record PickupBody(String libraryId, Pickup.Kind kind, String homeAddress) {}

    record HoldingBody(String libraryId, String barcode) {}

    record ReaderBody(String cardNumber, String homeLibraryId, String pin, String language) {}

    record CreateBody(String recordId, ServiceType serviceType, PickupBody pickup, HoldingBody holding, ReaderBody reader) {}

    private void create(Context ctx) {
        Principal who = authenticate(ctx);
        CreateBody body = body(ctx, CreateBody.class);
        Reader reader = switch (who) {
            case Principal.ReaderPrincipal p -> p.reader();
            case Principal.Staff s -> {
                Reader r = readerOf(body);
                if (!ill.permissions().actsFor(s.libraryId(), r.homeLibraryId())) {
                    throw new NotPermittedException(who.actor() + " may place requests only for its own readers");
                }
                yield r;
            }
            case Principal.Admin a -> readerOf(body);
        };
        var wanted = lookup.wanted(required(body.recordId(), "recordId"))
                .orElseThrow(() -> new Invalid("no record with id '" + body.recordId() + "' in the catalogue"));
        Citation citation = wanted.citation();
        if (body.holding() != null) {
            citation = new Citation(citation.unionRecordId(), citation.title(), citation.author(), citation.isbn(),
                    Optional.of(valid(() -> new Citation.Holding(body.holding().libraryId(), body.holding().barcode()))));
        }
        Pickup pickup = pickup(required(body.pickup(), "pickup"));
        ServiceType type = body.serviceType() == null ? ServiceType.LOAN : body.serviceType();
        Citation finalCitation = citation;
        IllRequest r = valid(() -> ill.submit(finalCitation, reader, type, pickup, wanted.holdings()));
        ctx.status(HttpStatus.CREATED).json(IllViews.of(r, store, ill, who));
    }

    private void show(Context ctx) {
        Principal who = authenticate(ctx);
        IllRequest r = ill.view(who, requestId(ctx));
        ctx.json(IllViews.of(r, store, ill, who));
    }

    record PointBody(String libraryId, Pickup.Kind kind) {}

    record ActionBody(Action action, Long version, String note, String courier, String waybill, String slot,
                      PointBody returnPoint) {
        ActionRequest toRequest(long version) {
            Optional<Pickup.AtServicePoint> point = Optional.ofNullable(returnPoint)
                    .map(p -> new Pickup.AtServicePoint(p.libraryId(), p.kind()));
            return new ActionRequest(action, version, note, Optional.ofNullable(courier), Optional.ofNullable(waybill),
                    Optional.ofNullable(slot), point);
        }
    }

    private void act(Context ctx) {
        Principal who = authenticate(ctx);
        ActionBody body = body(ctx, ActionBody.class);
        required(body.action(), "action");
        long version = required(body.version(), "version (the version you saw, for optimistic concurrency)");
        IllRequest r = valid(() -> ill.perform(who, requestId(ctx), body.toRequest(version)));
        ctx.json(IllViews.of(r, store, ill, who));
    }

    private void queue(Context ctx) {
        String library = staffOf(ctx);
        StaffQueue queue;
        try {
            queue = StaffQueue.valueOf(ctx.pathParam("queue").toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Invalid("no queue '" + ctx.pathParam("queue") + "'; queues: "
                    + java.util.Arrays.stream(StaffQueue.values()).map(q -> q.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-')).toList());
        }
        ctx.json(desk.queue(library, queue).stream().map(IllViews::summary).toList());
    }

    private void pickList(Context ctx) {
        ctx.json(desk.pickList(staffOf(ctx)));
    }

    record Item(long id, long version) {}

    record BulkBody(Action action, List<Item> items, String note, String courier, String waybill, String slot,
                    PointBody returnPoint) {}

    record BulkOutcome(long id, StaffDesk.Result result, String message, Long version, String state) {}

    private void bulk(Context ctx) {
        Principal who = authenticate(ctx);
        requireStaffOf(who, ctx.pathParam("library"));
        BulkBody body = body(ctx, BulkBody.class);
        required(body.action(), "action");
        var template = new ActionBody(body.action(), 0L, body.note(), body.courier(), body.waybill(), body.slot(),
                body.returnPoint());
        var targets = required(body.items(), "items").stream().map(i -> new StaffDesk.Target(i.id(), i.version())).toList();
        var outcomes = desk.bulk(targets, t -> ill.perform(who, t.requestId(), template.toRequest(t.version())));
        ctx.json(outcomes.stream().map(o -> o.result() == StaffDesk.Result.DONE
                ? new BulkOutcome(o.requestId(), o.result(), o.message(), o.request().version(), o.request().state().name())
                : new BulkOutcome(o.requestId(), o.result(), o.message(), null, null)).toList());
    }

    private void registerReader(Context ctx) {
        Principal who = authenticate(ctx);
        ReaderBody body = body(ctx, ReaderBody.class);
        Reader reader = valid(() -> new Reader(body.cardNumber(), body.homeLibraryId()));
        boolean allowed = who instanceof Principal.Admin
                || who instanceof Principal.Staff s && ill.permissions().actsFor(s.libraryId(), reader.homeLibraryId());
        if (!allowed) {
            throw new NotPermittedException(who.actor() + " may not register readers of " + reader.homeLibraryId());
        }
        valid(() -> {
            store.accounts().registerReader(reader, body.pin(), org.tongjie.ill.Language.of(body.language()));
            return null;
        });
        ctx.status(HttpStatus.CREATED).json(Map.of("cardNumber", body.cardNumber(), "homeLibraryId", body.homeLibraryId()));
    }

    record KeyBody(String libraryId, String label) {}

    private void issueKey(Context ctx) {
        requireAdmin(ctx);
        KeyBody body = body(ctx, KeyBody.class);
        String key = valid(() -> store.accounts().issueStaffKey(body.libraryId(), body.label()));
        ctx.status(HttpStatus.CREATED).json(Map.of("libraryId", body.libraryId(), "key", key));
    }

    private void runJobs(Context ctx) {
        requireAdmin(ctx);
        ctx.json(ill.runScheduledJobs());
    }

    // ---- authentication and parsing

    /** Who is calling, from HTTP Basic (reader card and PIN) or X-Api-Key (staff, admin). */
    Principal authenticate(Context ctx) {
        String key = ctx.header("X-Api-Key");
        if (key != null) {
            return store.accounts().byApiKey(key).orElseThrow(() -> new Unauthenticated("unknown API key"));
        }
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Unauthenticated("the Authorization header is not valid Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                var reader = store.accounts().reader(decoded.substring(0, colon), decoded.substring(colon + 1));
                if (reader.isPresent()) {
                    return new Principal.ReaderPrincipal(reader.get());
                }
            }
            throw new Unauthenticated("card number or PIN is wrong");
        }
        throw new Unauthenticated("sign in: readers with their card number and PIN (HTTP Basic), staff with X-Api-Key");
    }

    void requireAdmin(Context ctx) {
        Principal who = authenticate(ctx);
        if (!(who instanceof Principal.Admin)) {
            throw new NotPermittedException("only a network administrator may do this");
        }
    }

    /** The library in the path, which the caller must be staff of (or admin). */
    String staffOf(Context ctx) {
        return requireStaffOf(authenticate(ctx), ctx.pathParam("library"));
    }

    /** {@code library}, which {@code who} (already authenticated) must be staff of, or admin. */
    String requireStaffOf(Principal who, String library) {
        boolean allowed = who instanceof Principal.Admin
                || who instanceof Principal.Staff s && ill.permissions().actsFor(s.libraryId(), library);
        if (!allowed) {
            throw new NotPermittedException(who.actor() + " is not staff of " + library);
        }
        return library;
    }

    private static Reader readerOf(CreateBody body) {
        ReaderBody r = required(body.reader(), "reader (cardNumber, homeLibraryId) when staff place a request");
        return valid(() -> new Reader(r.cardNumber(), r.homeLibraryId()));
    }

    private static Pickup pickup(PickupBody p) {
        return valid(() -> p.homeAddress() != null ? new Pickup.HomeDelivery(p.homeAddress())
                : new Pickup.AtServicePoint(p.libraryId(), p.kind()));
    }

    private static long requestId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new Invalid("request id must be a number, was '" + ctx.pathParam("id") + "'");
        }
    }

    static <T> T body(Context ctx, Class<T> type) {
        try {
            T body = ctx.bodyAsClass(type);
            if (body == null) {
                throw new Invalid("a JSON body is required");
            }
            return body;
        } catch (Invalid e) {
            throw e;
        } catch (Exception e) { // Jackson's exceptions are checked, and Javalin throws them unchecked
            throw new Invalid("the body is not the JSON this endpoint takes: " + e.getMessage());
        }
    }

    static <T> T required(T value, String what) {
        if (value == null) {
            throw new Invalid(what + " is required");
        }
        return value;
    }

    /** Runs {@code step}, answering the caller's argument mistakes with 400 instead of 500. */
    static <T> T valid(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("status", status.getCode(), "error", message));
    }

    static final class Unauthenticated extends RuntimeException {
        Unauthenticated(String message) {
            super(message);
        }
    }

    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        sender.close();
        notifications.close();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        store.close();
    }
}
