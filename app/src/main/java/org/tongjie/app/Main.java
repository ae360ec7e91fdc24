package org.tongjie.app;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongjie.api.Hub;
import org.tongjie.api.StaffKey;
import org.tongjie.api.ill.IllHttp;
import org.tongjie.app.demo.DemoNetwork;
import org.tongjie.harvest.ExportFile;
import org.tongjie.harvest.HarvestScheduler;
import org.tongjie.harvest.OaiHarvest;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.harvest.oai.OaiEndpoint;
import org.tongjie.harvest.oai.OaiPmhClient;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestReport;
import org.tongjie.z3950.Z3950ServerProcess;
import org.tongjie.app.z3950.HubZ3950Server;

/** The command line behind {@code ./tongjie}: run the hub, rebuild the index, load a member's export file. */
public final class Main {
    private static final String USAGE = """
            usage: tongjie run [--data DIR] [--port N] [--z3950-port N | --no-z3950] [--members FILE] [--no-demo]
                   tongjie rebuild-index [--data DIR]
                   tongjie load LIBRARY_ID FILE [LIBRARY_ID FILE ...] [--data DIR]
                   tongjie harvest LIBRARY_ID OAI_PMH_BASE_URL [--data DIR]""";

    private Main() {}

    public static void main(String[] args) throws Exception {
        try {
            dispatch(List.of(args));
        } catch (MemberDirectory.InvalidDirectoryException e) {
            System.err.println("tongjie: " + e.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException e) {
            System.err.println("tongjie: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    private static void dispatch(List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        var positional = new ArrayList<String>();
        HubConfig config = parseOptions(args.subList(1, args.size()), positional);
        switch (args.getFirst()) {
            case "run" -> run(config, positional);
            case "rebuild-index" -> rebuildIndex(config, positional);
            case "load" -> load(config, positional);
            case "harvest" -> harvest(config, positional);
            default -> throw new IllegalArgumentException("unknown command '" + args.getFirst() + "'");
        }
    }

    static HubConfig parseOptions(List<String> args, List<String> positional) {
        HubConfig config = HubConfig.defaults();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--data" -> config = config.withDataDir(Path.of(valueOf(args, ++i, arg)));
                case "--port" -> config = config.withPort(parsePort(valueOf(args, ++i, arg), arg));
                case "--z3950-port" -> config = config.withZ3950Port(parsePort(valueOf(args, ++i, arg), arg));
                case "--no-z3950" -> config = config.withZ3950Port(0);
                case "--no-demo" -> config = config.withoutDemo();
                case "--members" -> config = config.withMembersFile(Path.of(valueOf(args, ++i, arg)));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    positional.add(arg);
                }
            }
        }
        return config;
    }

    private static String valueOf(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int parsePort(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was '" + value + "'");
        }
    }

    private static void expectNone(List<String> positional) {
        if (!positional.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + positional.getFirst() + "'");
        }
    }

    private static void run(HubConfig config, List<String> positional) throws java.io.IOException {
        expectNone(positional);
        MemberDirectory members = members(config);
        Catalog catalog = Catalog.open(config.dataDir(), Clock.systemUTC());
        boolean firstStart = catalog.libraries().isEmpty();
        members.members().forEach(m -> catalog.saveLibrary(m.library()));
        System.out.printf("Member directory: %d members from %s%n", members.members().size(),
                config.membersFile().map(Path::toString).orElse(config.loadDemo() ? "the demo network" : "nowhere (--no-demo)"));
        if (config.loadDemo() && config.membersFile().isEmpty() && firstStart) {
            System.out.println("First start: loading the demo network into " + config.dataDir().toAbsolutePath());
            DemoNetwork.load(catalog);
        }
        IllHttp ill = IllHttp.open(config.dataDir(), catalog, Clock.systemUTC());
        Path adminKey = config.dataDir().resolve("ill-admin.key");
        if (ill.bootstrapAdminKey(adminKey).isPresent()) {
            System.out.println("ILL: a network administrator API key was written to " + adminKey.toAbsolutePath());
        }
        ill.scheduleJobs(1);
        var scheduler = new HarvestScheduler(catalog, members, Clock.systemUTC(),
                HarvestScheduler.standard(catalog, Clock.systemUTC()), Duration.ofSeconds(30));
        Javalin app = Hub.create(catalog, StaffKey.inDataDir(config.dataDir()), members, scheduler, Optional.of(ill))
                .start(config.port());
        scheduler.start();
        Optional<Z3950ServerProcess> z3950 = startZ3950(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.close();
            z3950.ifPresent(Z3950ServerProcess::close);
            app.stop();
            ill.close();
            try {
                catalog.close();
            } catch (Exception e) {
                System.err.println("closing the catalogue failed: " + e.getMessage());
            }
        }));
        System.out.printf("Staff actions (split, merge) take the key in %s%n", config.dataDir().resolve("staff.key").toAbsolutePath());
        System.out.printf("Tongjie is running: open http://localhost:%d/ (API: http://localhost:%d/openapi.json)%n",
                app.port(), app.port());
    }

    /** The directory file given with --members, else the demo network's (none with --no-demo). */
    static MemberDirectory members(HubConfig config) {
        return config.membersFile().map(MemberDirectory::read)
                .orElseGet(() -> config.loadDemo() ? DemoNetwork.directory() : new MemberDirectory());
    }

    /** The Z39.50 server in a JVM of its own; it ends with the hub, since the hub holds its standard input. */
    private static Optional<Z3950ServerProcess> startZ3950(HubConfig config) {
        if (!config.z3950Enabled()) {
            System.out.println("Z39.50 server: off (--no-z3950)");
            return Optional.empty();
        }
        return switch (HubZ3950Server.start(config.dataDir(), "0.0.0.0", config.z3950Port())) {
            case HubZ3950Server.Outcome.Running running -> {
                System.out.printf("Z39.50 server listening on %s (try: yaz-client tcp:localhost:%d)%n",
                        running.address(), config.z3950Port());
                yield Optional.of(running.process());
            }
            case HubZ3950Server.Outcome.Off off -> {
                System.out.println("Z39.50 server: off, " + off.reason());
                yield Optional.empty();
            }
        };
    }

    private static void rebuildIndex(HubConfig config, List<String> positional) throws Exception {
        expectNone(positional);
        try (Catalog catalog = Catalog.open(config.dataDir(), Clock.systemUTC())) {
            catalog.rebuildIndex();
            System.out.printf("Index rebuilt from the store: %d records searchable%n", catalog.search("", 1, 1).total());
        }
    }

    /** Several members' files are a first load: stored one after another, then indexed at once. */
    private static void load(HubConfig config, List<String> positional) throws Exception {
        if (positional.isEmpty() || positional.size() % 2 != 0) {
            throw new IllegalArgumentException("load needs a library id and a file, or several of each pair");
        }
        try (Catalog catalog = Catalog.open(config.dataDir(), Clock.systemUTC())) {
            Supplier<List<IngestReport>> loads = () -> java.util.stream.IntStream.range(0, positional.size() / 2)
                    .mapToObj(i -> ExportFile.load(catalog, positional.get(2 * i), Path.of(positional.get(2 * i + 1))))
                    .toList();
            (positional.size() > 2 ? catalog.inBulk(loads) : loads.get()).forEach(Main::print);
        }
    }

    /** One OAI-PMH harvest of a member: incremental after the first, resumed if the last one was cut off. */
    private static void harvest(HubConfig config, List<String> positional) throws Exception {
        if (positional.size() != 2) {
            throw new IllegalArgumentException("harvest needs a library id and the provider's OAI-PMH base URL");
        }
        try (Catalog catalog = Catalog.open(config.dataDir(), Clock.systemUTC());
             var client = OaiPmhClient.create(OaiEndpoint.marc21(URI.create(positional.get(1))))) {
            print(OaiHarvest.run(catalog, positional.get(0), client, Clock.systemUTC()));
        }
    }

    private static void print(IngestReport report) {
        System.out.printf("%s: %d accepted, %d updated, %d unchanged, %d deleted, %d quarantined%n",
                report.libraryId(), report.accepted(), report.updated(), report.unchanged(), report.deleted(),
                report.quarantined());
        report.problems().forEach(p -> System.out.printf("  record %d%s: %s%n", p.position(),
                p.sourceId().map(id -> " (" + id + ")").orElse(""), p.reason()));
    }
}
