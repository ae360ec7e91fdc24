package org.tongjie.api.ill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.ProblemException;
import org.tongjie.api.http.Valid;
import org.tongjie.ill.IllService;
import org.tongjie.ill.IllStore;
import org.tongjie.ill.Language;
import org.tongjie.ill.Outgoing;
import org.tongjie.ill.Principal;
import org.tongjie.ill.ReaderNotices;
import org.tongjie.ill.Transition;
import org.tongjie.ill.WebhookTargets;
import org.tongjie.ill.WebhookTransport;
import org.tongjie.indexer.Catalog;

/**
 * Telling people what happened: each member's request events as a Server-Sent Event stream and to its
 * webhooks (through the outbox, signed), and readers' notices in their language.
 */
final class NotificationRoutes implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final IllService ill;
    private final IllStore store;
    private final Catalog catalog;
    private final Clock clock;
    private final WebhookTargets webhookTargets;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService sending = Executors.newSingleThreadExecutor(
            r -> Thread.ofVirtual().name("ill-sse").unstarted(r)); // one thread: each stream keeps the order

    private record Subscriber(String library, SseClient client) {}

    /** What a member hears of a move: SSE data and webhook body. */
    record EventNotice(long requestId, long seq, String action, String from, String to, long version, Instant at,
                       String actor, String title) {
        static EventNotice of(Transition t) {
            var e = t.event();
            return new EventNotice(e.requestId(), e.seq(), e.action().name(), e.from().name(), e.to().name(),
                    t.request().version(), e.at(), e.actor(), t.request().citation().title());
        }
    }

    NotificationRoutes(IllService ill, Catalog catalog, Clock clock, WebhookTargets webhookTargets) {
        this.ill = ill;
        this.webhookTargets = webhookTargets;
        this.store = ill.store();
        this.catalog = catalog;
        this.clock = clock;
        store.addOutboxRule(this::webhookMessages);
        store.addListener(this::stream);
    }

    void register(RoutesConfig routes, Access access) {
        var staffOfLibrary = Need.illStaffOf("library", (desk, library) -> ill.permissions().actsFor(desk, library));
        routes.get("/api/ill/libraries/{library}/events", access.needs(staffOfLibrary, this::events));
        routes.post("/api/ill/libraries/{library}/webhooks", access.needs(staffOfLibrary, this::registerWebhook));
        routes.get("/api/ill/readers/me/notices", access.needs(Need.illReader(), this::notices));
    }

    /** Staff of the library (or admin) only; checked before the stream opens, so refusals are plain problems. */
    private void events(Context ctx, Caller.IllCaller caller) throws Exception {
        String library = ctx.pathParam("library");
        new SseHandler(client -> {
            var subscriber = new Subscriber(library, client);
            subscribers.add(subscriber);
            client.onClose(() -> subscribers.remove(subscriber));
            client.keepAlive();
        }).handle(ctx);
    }

    /** Open event streams. */
    int streams() {
        return subscribers.size();
    }

    private boolean concerns(String library, Transition t) {
        return ill.permissions().maySee(new Principal.Staff(library, ""), t.request());
    }

    private void stream(Transition t) {
        if (subscribers.isEmpty()) {
            return;
        }
        String data = json(EventNotice.of(t));
        for (Subscriber s : subscribers) {
            if (concerns(s.library(), t)) {
                sending.execute(() -> {
                    if (!s.client().terminated()) {
                        s.client().sendEvent("ill-event", data);
                    }
                });
            }
        }
    }

    private List<Outgoing> webhookMessages(Transition t) {
        var hooks = store.webhooks().all().stream().filter(w -> concerns(w.libraryId(), t)).toList();
        if (hooks.isEmpty()) {
            return List.of();
        }
        String body = json(EventNotice.of(t));
        return hooks.stream().map(w -> new Outgoing(WebhookTransport.CHANNEL, Long.toString(w.id()), "application/json",
                body)).toList();
    }

    record WebhookBody(String url) {}

    record WebhookView(long id, String libraryId, URI url, String secret) {}

    private void registerWebhook(Context ctx, Caller.IllCaller caller) {
        String library = ctx.pathParam("library");
        WebhookBody body = ctx.bodyValidator(WebhookBody.class)
                .check("url", b -> b.url() != null, "is required: the http(s) URL the hub posts events to")
                .get();
        URI url = webhookUrl(body.url());
        var hook = Valid.of(() -> store.webhooks().register(library, webhookTargets.check(url), caller.principal().actor()));
        ctx.status(HttpStatus.CREATED).json(new WebhookView(hook.id(), hook.libraryId(), hook.url(), hook.secret()));
    }

    /** The URL as sent, or a refusal that says what a webhook URL looks like (never the parser's message). */
    static URI webhookUrl(String text) {
        try {
            URI url = new URI(text.strip());
            if (url.getScheme() != null && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below, in words a caller can act on
        }
        throw ProblemException.invalid("url: '" + text + "' is not a URL; give the http(s) URL the hub posts events to,"
                + " e.g. https://library.example/tongjie-events");
    }

    private void notices(Context ctx, Caller.IllReader reader) {
        Language language = store.accounts().language(reader.reader());
        var notices = new ReaderNotices(language, id -> catalog.libraries().get(id)
                .map(l -> language == Language.EN ? l.nameEn() : l.nameZh()).orElse(id));
        ctx.json(notices.of(store.reports().requestsOf(reader.reader()), store, clock.instant()));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    @Override
    public void close() {
        sending.shutdownNow();
    }
}
