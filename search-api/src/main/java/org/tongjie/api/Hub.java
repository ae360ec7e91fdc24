package org.tongjie.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.api.ill.IllHttp;
import org.tongjie.api.oai.OaiController;
import org.tongjie.api.sru.SruController;
import org.tongjie.harvest.HarvestScheduler;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.UnknownLibraryException;
import org.tongjie.marc.MarcSource;
import org.tongjie.store.sqlite.IngestBatch;

/** The one place the hub's HTTP layer is put together; nothing else starts Jetty. */
public final class Hub {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private Hub() {}

    /** The hub with no members, staff actions closed (no one knows the key), no ILL; harvests only on request. */
    public static Javalin create(Catalog catalog) {
        var members = new MemberDirectory();
        return create(catalog, StaffKey.random(), members, new HarvestScheduler(catalog, members, Clock.systemUTC(),
                HarvestScheduler.standard(catalog, Clock.systemUTC()), Duration.ofMinutes(1)), Optional.empty());
    }

    /**
     * The hub over a catalogue: the staff key guards cluster changes, the member directory says who may upload
     * and what is harvested, the scheduler (started by the caller) runs harvests, and with {@code ill} the hub
     * serves its /api/ill routes too.
     */
    public static Javalin create(Catalog catalog, StaffKey staffKey, MemberDirectory members,
            HarvestScheduler scheduler, Optional<IllHttp> ill) {
        return create(catalog, staffKey, members, scheduler, ill, HubSettings.DEFAULTS);
    }

    /** As above, with what the network's configuration sets. */
    public static Javalin create(Catalog catalog, StaffKey staffKey, MemberDirectory members,
            HarvestScheduler scheduler, Optional<IllHttp> ill, HubSettings settings) {
        var clusters = new ClusterController(catalog, staffKey);
        var search = new SearchController(catalog);
        var libraries = new LibraryController(catalog, members);
        var harvests = new HarvestController(catalog, members, scheduler);
        var records = new RecordController(catalog);
        var system = new SystemController(catalog);
        var sru = new SruController(catalog);
        var oai = new OaiController(catalog, Clock.systemUTC(), settings.oaiAdminEmail(),
                settings.oaiRepositoryName(), OaiController.DEFAULT_PAGE_SIZE);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(jsonMapper(), true));
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.get("/health", system::health);
            config.routes.get("/openapi.json", system::openApi);
            config.routes.get("/api/libraries", libraries::list);
            config.routes.get("/api/libraries/{id}", libraries::show);
            config.routes.post("/api/libraries/{id}/records", libraries::upload);
            config.routes.get("/api/libraries/{id}/quarantine", libraries::quarantine);
            config.routes.get("/api/libraries/{id}/harvests", harvests::list);
            config.routes.post("/api/libraries/{id}/harvests", harvests::trigger);
            config.routes.get("/api/libraries/{id}/quarantine/{entry}", libraries::quarantinedRecord);
            config.routes.get("/api/search", search::search);
            config.routes.get("/api/suggest", search::suggest);
            config.routes.get("/api/records/{id}", records::show);
            config.routes.get("/api/records/{id}/cluster", clusters::show);
            config.routes.post("/api/records/{id}/cluster/split", clusters::split);
            config.routes.post("/api/records/{id}/cluster/merge", clusters::merge);
            config.routes.get("/sru", sru::handle);
            config.routes.post("/sru", sru::handle);
            config.routes.get("/oai", oai::handle);
            config.routes.post("/oai", oai::handle);
            ill.ifPresent(i -> i.register(config.routes));
            config.routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
            config.routes.exception(ValidationException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, describe(e)));
            config.routes.exception(AuthenticationException.class, (e, ctx) -> {
                if (e.missing()) {
                    ctx.header("WWW-Authenticate", "Bearer realm=\"tongjie\"");
                }
                error(ctx, e.missing() ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN, e.getMessage());
            });
            config.routes.exception(IngestBatch.EmptyReplacementException.class,
                    (e, ctx) -> error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
            config.routes.exception(NotFoundException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
            config.routes.exception(UnknownLibraryException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
            config.routes.exception(MarcSource.NotMarcException.class,
                    (e, ctx) -> error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the hub's log has the details");
            });
            config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
                String answered = ctx.res().getContentType();
                boolean alreadyExplained = answered != null && answered.startsWith("application/json");
                if (!alreadyExplained) {
                    error(ctx, HttpStatus.NOT_FOUND, "no such resource: " + ctx.method() + " " + ctx.path());
                }
            });
        });
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ApiError(status.getCode(), message));
    }

    private static String describe(ValidationException e) {
        return e.getErrors().entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue().stream()
                        .map(v -> v.getMessage() + (v.value == null ? "" : " (was '" + v.value + "')"))
                        .collect(Collectors.joining("; ")))
                .collect(Collectors.joining(", "));
    }
}
