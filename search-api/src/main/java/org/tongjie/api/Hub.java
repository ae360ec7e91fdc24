package org.tongjie.api;

import static org.tongjie.api.auth.Access.anyone;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tongjie.api.auth.Access;
import org.tongjie.api.auth.Authenticator;
import org.tongjie.api.auth.CredentialCheck;
import org.tongjie.api.auth.Need;
import org.tongjie.api.http.ProblemCode;
import org.tongjie.api.http.Problems;
import org.tongjie.api.http.SecurityHeaders;
import org.tongjie.api.ill.CatalogLookup;
import org.tongjie.api.ill.IllHttp;
import org.tongjie.api.oai.OaiController;
import org.tongjie.api.sru.SruController;
import org.tongjie.catalog.NotMarcException;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.HarvestScheduler;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.UnknownLibraryException;
import org.tongjie.search.SearchHit;
import org.tongjie.store.EmptyReplacementException;

/** The one place the hub's HTTP layer is put together; nothing else starts Jetty. */
public final class Hub {
    private Hub() {}

    /** The hub with no members, staff actions closed (no one knows the key), no ILL; harvests only on request. */
    public static Javalin create(Catalog catalog, HarvestLog log) {
        var members = new MemberDirectory();
        return create(catalog, StaffKey.random(), members, new HarvestScheduler(log, members, Clock.systemUTC(),
                HarvestScheduler.standard(catalog, log, Clock.systemUTC()), Duration.ofMinutes(1)), Optional.empty());
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
        var clusters = new ClusterController(catalog);
        var search = new SearchController(catalog, ill.<UnaryOperator<SearchHit>>map(
                i -> hit -> CatalogLookup.withCopyStates(hit, i.store())).orElse(UnaryOperator.identity()));
        var libraries = new LibraryController(catalog, members);
        var harvests = new HarvestController(catalog, members, scheduler);
        var records = new RecordController(catalog, ill.<UnaryOperator<UnionRecord>>map(
                i -> union -> CatalogLookup.withCopyStates(union, i.store())).orElse(UnaryOperator.identity()));
        var system = new SystemController(catalog);
        var sru = new SruController(catalog);
        var oai = new OaiController(catalog, Clock.systemUTC(), settings.oaiAdminEmail(),
                settings.oaiRepositoryName(), OaiController.DEFAULT_PAGE_SIZE);
        var memberKeys = new MemberKeys(members);
        var checks = new ArrayList<CredentialCheck>(List.of(staffKey, memberKeys));
        ill.ifPresent(i -> checks.add(i.credentials()));
        var access = new Access(new Authenticator(checks));
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(jsonMapper(), true));
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.get("/health", anyone(system::health));
            config.routes.get("/openapi.json", anyone(system::openApi));
            config.routes.get("/api/libraries", anyone(libraries::list));
            config.routes.get("/api/libraries/{id}", anyone(libraries::show));
            config.routes.post("/api/libraries/{id}/records", access.needs(
                    Need.memberOf("id", memberKeys::uploadKeyOf).first(libraries::mustExist), libraries::upload));
            // A member's own: what it sent and could not be read (raw bytes included), and starting its harvest,
            // which makes the hub call the member's server.
            var memberOrStaff = Need.memberOrNetworkStaff("id", memberKeys::uploadKeyOf).first(libraries::mustExist);
            config.routes.get("/api/libraries/{id}/quarantine", access.needs(memberOrStaff, (ctx, caller) -> libraries.quarantine(ctx)));
            config.routes.get("/api/libraries/{id}/harvests", anyone(harvests::list));
            config.routes.post("/api/libraries/{id}/harvests", access.needs(memberOrStaff, (ctx, caller) -> harvests.trigger(ctx)));
            config.routes.get("/api/libraries/{id}/quarantine/{entry}",
                    access.needs(memberOrStaff, (ctx, caller) -> libraries.quarantinedRecord(ctx)));
            config.routes.get("/api/search", anyone(search::search));
            config.routes.get("/api/suggest", anyone(search::suggest));
            config.routes.get("/api/records/{id}", anyone(records::show));
            config.routes.get("/api/records/{id}/cluster", anyone(clusters::show));
            config.routes.post("/api/records/{id}/cluster/split", access.needs(Need.catalogueStaff(), clusters::split));
            config.routes.post("/api/records/{id}/cluster/merge", access.needs(Need.catalogueStaff(), clusters::merge));
            config.routes.get("/sru", anyone(sru::handle));
            config.routes.post("/sru", anyone(sru::handle));
            config.routes.get("/oai", anyone(oai::handle));
            config.routes.post("/oai", anyone(oai::handle));
            ill.ifPresent(i -> i.register(config.routes, access));
            Problems.install(config);
            SecurityHeaders.install(config);
            Problems.map(config.routes, EmptyReplacementException.class, ProblemCode.UNPROCESSABLE);
            Problems.map(config.routes, UnknownLibraryException.class, ProblemCode.NOT_FOUND);
            Problems.map(config.routes, NotMarcException.class, ProblemCode.UNSUPPORTED_MEDIA_TYPE);
        });
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
    }
}
