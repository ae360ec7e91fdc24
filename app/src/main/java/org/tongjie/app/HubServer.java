package org.tongjie.app;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongjie.api.Hub;
import org.tongjie.api.StaffKey;
import org.tongjie.api.ill.IllHttp;
import org.tongjie.app.demo.DemoAccounts;
import org.tongjie.app.demo.DemoNetwork;
import org.tongjie.harvest.members.Member;
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

    private final List<String> accountLines;

    private HubServer(Catalog catalog, IllHttp ill, HarvestScheduler scheduler, Javalin app, List<String> accountLines) {
        this.accountLines = accountLines;
        this.catalog = catalog;
        this.ill = ill;
        this.scheduler = scheduler;
        this.app = app;
    }

    /** Opens the data directory, chooses its member directory (the demo's only on the demo's) and starts HTTP. */
    static HubServer start(HubConfig config) throws IOException {
        Clock clock = Clock.systemUTC();
        Path dataDir = config.dataDir().toAbsolutePath();
        Catalog catalog = config.openCatalog(clock);
        try {
            Network.Choice members = Network.choose(config, catalog.libraries().all());
            members.directory().members().forEach(m -> catalog.libraries().save(m.library()));
            System.out.printf("Data:     %s (%s, %d members)%n", dataDir, members.from(), members.directory().members().size());
            if (members.loadDemo()) {
                loadDemo(catalog, config);
            }
            IllHttp ill = IllHttp.open(config.dataDir(), catalog, clock, config.ill().agencyId(), config.ill().deliveryTimeout(),
                    new WebhookTargets(config.ill().allowPrivateWebhooks()));
            Optional<String> adminKey = ill.bootstrapAdminKey(config.dataDir().resolve("ill-admin.key"));
            List<String> accounts = members.network() != Network.DEMO ? List.of()
                    : members.loadDemo() ? DemoAccounts.create(ill.store().accounts(),
                            members.directory().members().stream().map(Member::library).toList(), dataDir, adminKey)
                    : DemoAccounts.recorded(dataDir);
            ill.scheduleJobs(config.ill().jobInterval().toMinutes());
            var harvestLog = HarvestLog.open(config.dataDir(), clock);
            var scheduler = new HarvestScheduler(harvestLog, members.directory(), clock,
                    HarvestScheduler.standard(catalog, harvestLog, clock), config.harvest().schedulerTick());
            StaffKey staffKey = config.staffKey().map(s -> new StaffKey(s.value()))
                    .orElseGet(() -> StaffKey.inDataDir(config.dataDir()));
            Javalin app = Hub.create(catalog, staffKey, members.directory(), scheduler, Optional.of(ill), config.hubSettings())
                    .start(config.port());
            scheduler.start();
            var keys = new ArrayList<>(accounts);
            if (accounts.isEmpty() && adminKey.isPresent()) {
                keys.add("Administrator key (ILL, issues desk keys): " + dataDir.resolve("ill-admin.key"));
            }
            keys.add(config.staffKey().isPresent()
                    ? "Cataloguing staff key (split, merge): as set in " + Setting.STAFF_KEY.key
                    : "Cataloguing staff key (split, merge): " + dataDir.resolve("staff.key"));
            return new HubServer(catalog, ill, scheduler, app, List.copyOf(keys));
        } catch (RuntimeException | IOException e) {
            catalog.close();
            throw e;
        }
    }

    private static void loadDemo(Catalog catalog, HubConfig config) {
        System.out.println("First start: loading the demo network (once; later starts take a second)");
        long started = System.nanoTime();
        DemoNetwork.Loaded loaded = DemoNetwork.load(catalog, config.demoRecords());
        System.out.printf("          %,d records from the members, %,d union records, in %d s%n",
                loaded.records(), loaded.unionRecords(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
        loaded.missing().forEach(m -> System.out.println("          not found, left out: " + m));
    }

    /** The lines that say which accounts and keys open the pages and the protected routes. */
    List<String> accountLines() {
        return accountLines;
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
