package org.tongjie.app;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.tongjie.api.Hub;
import org.tongjie.api.StaffKey;
import org.tongjie.api.ill.IllHttp;
import org.tongjie.app.demo.DemoNetwork;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.HarvestScheduler;
import org.tongjie.ill.WebhookTargets;
import org.tongjie.indexer.Catalog;

/** The hub's HTTP side over a data directory, wired as {@code ./tongjie run} starts it (the Z39.50 server aside). */
final class HubServer implements AutoCloseable {
    private final Catalog catalog;
    private final IllHttp ill;
    private final HarvestScheduler scheduler;
    private final Javalin app;

    private HubServer(Catalog catalog, IllHttp ill, HarvestScheduler scheduler, Javalin app) {
        this.catalog = catalog;
        this.ill = ill;
        this.scheduler = scheduler;
        this.app = app;
    }

    /** Opens the data directory, chooses its member directory (the demo's only on the demo's) and starts HTTP. */
    static HubServer start(HubConfig config) throws IOException {
        Clock clock = Clock.systemUTC();
        Catalog catalog = Catalog.open(config.dataDir(), clock, config.limits());
        try {
            Network.Choice members = Network.choose(config, catalog.libraries().all());
            members.directory().members().forEach(m -> catalog.libraries().save(m.library()));
            System.out.printf("Member directory: %d members from %s%n", members.directory().members().size(), members.from());
            if (members.loadDemo()) {
                System.out.println("First start: loading the demo network into " + config.dataDir().toAbsolutePath());
                DemoNetwork.load(catalog);
            }
            IllHttp ill = IllHttp.open(config.dataDir(), catalog, clock, config.ill().agencyId(), config.ill().deliveryTimeout(),
                    new WebhookTargets(config.ill().allowPrivateWebhooks()));
            Path adminKey = config.dataDir().resolve("ill-admin.key");
            if (ill.bootstrapAdminKey(adminKey).isPresent()) {
                System.out.println("ILL: a network administrator API key was written to " + adminKey.toAbsolutePath());
            }
            ill.scheduleJobs(config.ill().jobInterval().toMinutes());
            var harvestLog = HarvestLog.open(config.dataDir(), clock);
            var scheduler = new HarvestScheduler(harvestLog, members.directory(), clock,
                    HarvestScheduler.standard(catalog, harvestLog, clock), config.harvest().schedulerTick());
            StaffKey staffKey = config.staffKey().map(s -> new StaffKey(s.value()))
                    .orElseGet(() -> StaffKey.inDataDir(config.dataDir()));
            Javalin app = Hub.create(catalog, staffKey, members.directory(), scheduler, Optional.of(ill), config.hubSettings())
                    .start(config.port());
            scheduler.start();
            System.out.println(config.staffKey().isPresent()
                    ? "Staff actions (split, merge) take the key set as " + Setting.STAFF_KEY.key
                    : "Staff actions (split, merge) take the key in " + config.dataDir().resolve("staff.key").toAbsolutePath());
            return new HubServer(catalog, ill, scheduler, app);
        } catch (RuntimeException | IOException e) {
            catalog.close();
            throw e;
        }
    }

    Catalog catalog() {
        return catalog;
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        scheduler.close();
        app.stop();
        ill.close();
        try {
            catalog.close();
        } catch (Exception e) {
            System.err.println("closing the catalogue failed: " + e.getMessage());
        }
    }
}
