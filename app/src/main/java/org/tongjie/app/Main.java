package org.tongjie.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tongjie.app.z3950.HubZ3950Server;
import org.tongjie.harvest.ExportFile;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.OaiHarvest;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.harvest.oai.OaiEndpoint;
import org.tongjie.harvest.oai.OaiPmhClient;
import org.tongjie.catalog.Library;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.CatalogInUseException;
import org.tongjie.indexer.IngestReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The command line behind {@code ./tongjie}: run the hub, rebuild the index, load and harvest, show the configuration. */
@Command(name = "tongjie", usageHelpAutoWidth = true,
        description = "A union catalogue and interlibrary-loan hub. Settings come from the defaults, tongjie.toml "
                + "(--config FILE, else DATA_DIR/tongjie.toml), TONGJIE_* environment variables and flags, each over the one before.",
        subcommands = {Main.Run.class, Main.RebuildIndex.class, Main.Load.class, Main.Harvest.class, Main.ShowConfig.class})
public final class Main implements Callable<Integer> {
    private final Map<String, String> env;
    @Spec
    private CommandSpec spec;

    Main(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        int code = commandLine(System.getenv()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new Main(env)).setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ConfigException || e instanceof Network.MismatchException
                    || e instanceof MemberDirectory.InvalidDirectoryException || e instanceof Refused) {
                commandLine.getErr().println("tongjie: " + e.getMessage());
                return 2;
            }
            if (e instanceof CatalogInUseException inUse) {
                commandLine.getErr().println("tongjie: a hub is running on " + inUse.dataDir()
                        + ": stop it, or give this one another --data DIR");
                return 2;
            }
            if (e instanceof CommandLine.ParameterException bad) {
                commandLine.getErr().println("tongjie: " + bad.getMessage());
                commandLine.usage(commandLine.getErr());
                return 2;
            }
            throw e;
        });
    }

    /** An ordinary mistake on the command line, refused with what to do instead, before anything is written. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The configuration {@code args} (a command and its flags) would start with; for tests. */
    static ConfigLoader.Loaded configOf(Map<String, String> env, String... args) {
        var parsed = commandLine(env).parseArgs(args);
        return ((Configured) parsed.subcommand().commandSpec().userObject()).loaded();
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("tongjie: no command given");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** A command that reads the configuration: the files and variables named by its data options, its flags over them. */
    abstract static class Configured {
        @ParentCommand
        Main main;
        @Mixin
        DataOptions data;

        /** The command's own flags (none by default). */
        Map<Setting, String> flags() {
            return Map.of();
        }

        final ConfigLoader.Loaded loaded() {
            return data.load(main.env, flags());
        }
    }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help; COMMAND --help for a command's")
    boolean help;

    /** The flags every command takes: where the configuration and the data are, and help. */
    static final class DataOptions {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
        boolean help;

        @Option(names = "--config", paramLabel = "FILE",
                description = "the configuration file (default: DATA_DIR/tongjie.toml if it exists; env TONGJIE_CONFIG)")
        Path config;

        @Option(names = "--data", paramLabel = "DIR", description = "the data directory (default: data; data-dir, TONGJIE_DATA_DIR)")
        String data;

        @Option(names = "--store", paramLabel = "URL",
                description = "the catalogue store on PostgreSQL, jdbc:postgresql://HOST:PORT/DATABASE (default: catalog.db in the data directory; store, TONGJIE_STORE)")
        String store;

        ConfigLoader.Loaded load(Map<String, String> env, Map<Setting, String> flags) {
            var all = new EnumMap<Setting, String>(Setting.class);
            all.putAll(flags);
            if (data != null) {
                all.put(Setting.DATA_DIR, data);
            }
            if (store != null) {
                all.put(Setting.STORE, store);
            }
            return ConfigLoader.load(new ConfigLoader.Sources(env, all, Optional.ofNullable(config)));
        }
    }

    /** The flags of the running hub. */
    static final class HubOptions {
        @Option(names = "--port", paramLabel = "N", description = "the HTTP port (default: 7070; http.port, TONGJIE_HTTP_PORT)")
        String port;

        @Option(names = "--z3950-port", paramLabel = "N",
                description = "the Z39.50 server's port, 0 for off (default: 2100; z3950.port, TONGJIE_Z3950_PORT)")
        String z3950Port;

        @Option(names = "--no-z3950", description = "leave the Z39.50 server off (z3950.enabled = false)")
        boolean noZ3950;

        @Option(names = "--members", paramLabel = "FILE",
                description = "the network's member directory file (members, TONGJIE_MEMBERS); the data directory is then never the demo's")
        String members;

        @Option(names = "--no-demo", description = "a new data directory without a members file starts empty, not as the demo network (demo = false)")
        boolean noDemo;

        Map<Setting, String> flags() {
            var flags = new EnumMap<Setting, String>(Setting.class);
            Optional.ofNullable(port).ifPresent(p -> flags.put(Setting.HTTP_PORT, p));
            Optional.ofNullable(z3950Port).ifPresent(p -> flags.put(Setting.Z3950_PORT, p));
            Optional.ofNullable(members).ifPresent(m -> flags.put(Setting.MEMBERS, m));
            if (noZ3950) {
                flags.put(Setting.Z3950_ENABLED, "false");
            }
            if (noDemo) {
                flags.put(Setting.DEMO, "false");
            }
            return flags;
        }
    }

    /** Lucene logs through java.util.logging (its vector API advice at every start); held so the level stays. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    @Command(name = "run", description = "Run the hub: HTTP API and pages, and the Z39.50 server. "
            + "A new data directory without a members file becomes the demo network.")
    static final class Run extends Configured implements Callable<Integer> {
        @Mixin
        HubOptions hub;

        @Option(names = "--verbose", description = "the libraries' own messages (Jetty, Flyway, Hikari, Javalin) too, not only warnings")
        boolean verbose;

        @Override
        Map<Setting, String> flags() {
            return hub.flags();
        }

        @Override
        public Integer call() throws Exception {
            if (verbose) {
                // read by slf4j-simple when the first logger is made, which nothing has done yet
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            } else {
                LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
            }
            ConfigLoader.Loaded loaded = loaded();
            System.out.println("通借 Tongjie. " + loaded.fileLine());
            HubConfig config = loaded.config();
            refuseTakenPorts(config);
            refuseUnreadableMembers(config);
            HubServer hub = HubServer.start(config);
            Z3950Started z3950 = startZ3950(config, hub.catalog());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                z3950.server().ifPresent(HubZ3950Server::close);
                hub.close();
            }));
            String base = "http://localhost:" + hub.port();
            System.out.println("Pages:    " + base + "/  (readers), " + base + "/staff.html (ILL desks), " + base + "/member.html (members)");
            System.out.println("API:      " + base + "/api/search?q=三体  (described at " + base + "/openapi.json)");
            System.out.println("SRU:      " + base + "/sru?operation=explain");
            System.out.println("OAI-PMH:  " + base + "/oai?verb=Identify");
            System.out.println("Z39.50:   " + z3950.line());
            hub.accountLines().forEach(System.out::println);
            System.out.println("Logging:  " + (verbose ? "everything (--verbose)" : "warnings only (--verbose: the libraries' own messages too)"));
            return 0;
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = "Print the effective configuration as tongjie.toml, with where each value came from; secrets masked.")
    static final class ShowConfig extends Configured implements Callable<Integer> {
        @Mixin
        HubOptions hub;

        @Override
        Map<Setting, String> flags() {
            return hub.flags();
        }

        @Override
        public Integer call() {
            ConfigLoader.Loaded loaded = loaded();
            ConfigLoader.describe(loaded).forEach(System.out::println);
            Path dataDir = loaded.config().dataDir();
            System.out.println();
            System.out.println("# the data directory's network: " + Network.recorded(dataDir)
                    .map(n -> n.name().toLowerCase(java.util.Locale.ROOT) + " (recorded in " + dataDir.resolve(Network.FILE) + ")")
                    .orElse("not chosen yet (its first run chooses)"));
            return 0;
        }
    }

    @Command(name = "rebuild-index", description = "Rebuild the Lucene index from the record store.")
    static final class RebuildIndex extends Configured implements Callable<Integer> {

        @Override
        public Integer call() throws Exception {
            HubConfig config = loaded().config();
            try (Catalog catalog = openExisting(config, "stop it first: it rebuilds its index itself when it starts on an older one")) {
                catalog.maintenance().rebuildIndex();
                System.out.printf("Index rebuilt from the store: %d records searchable%n", catalog.search().page("", 1, 1).total());
            }
            return 0;
        }
    }

    /** Several members' files are a first load: stored one after another, then indexed at once. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load members' MARC export files (ISO 2709 or MARCXML, gzipped or not); several pairs are a first load.")
    static final class Load extends Configured implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "2..*", paramLabel = "LIBRARY_ID FILE", description = "a member's id and its file, once or more")
        List<String> pairs;

        @Override
        public Integer call() throws Exception {
            if (pairs.size() % 2 != 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "load needs a library id and a file, or several of each pair");
            }
            for (int i = 1; i < pairs.size(); i += 2) {
                Path file = Path.of(pairs.get(i));
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw new Refused("cannot read " + file + " (member " + pairs.get(i - 1) + "): "
                            + (Files.exists(file) ? "it is not a readable file" : "there is no such file")
                            + "; give the path of its MARC export file (ISO 2709 or MARCXML, gzipped or not)");
                }
            }
            HubConfig config = loaded().config();
            Path dataDir = config.dataDir();
            try (Catalog catalog = openExisting(config, "stop it, or upload through the API (POST /api/libraries/ID/records)")) {
                for (int i = 0; i < pairs.size(); i += 2) {
                    refuseUnknownMember(catalog, dataDir, pairs.get(i));
                }
                Supplier<List<IngestReport>> loads = () -> IntStream.range(0, pairs.size() / 2)
                        .mapToObj(i -> ExportFile.load(catalog, pairs.get(2 * i), Path.of(pairs.get(2 * i + 1))))
                        .toList();
                (pairs.size() > 2 ? catalog.maintenance().inBulk(loads) : loads.get()).forEach(Main::print);
            }
            return 0;
        }
    }

    /** One OAI-PMH harvest of a member: incremental after the first, resumed if the last one was cut off. */
    @Command(name = "harvest", mixinStandardHelpOptions = true,
            description = "Harvest a member's OAI-PMH provider once (incremental after the first).")
    static final class Harvest extends Configured implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LIBRARY_ID", description = "the member's id")
        String library;
        @Parameters(index = "1", paramLabel = "OAI_PMH_BASE_URL", description = "the provider's base URL")
        URI baseUrl;

        @Override
        public Integer call() throws Exception {
            HubConfig config = loaded().config();
            Path dataDir = config.dataDir();
            try (Catalog catalog = openExisting(config, "stop it, or start the harvest through the API"
                    + " (POST /api/libraries/ID/harvests)");
                 var client = OaiPmhClient.create(OaiEndpoint.marc21(baseUrl))) {
                refuseUnknownMember(catalog, dataDir, library);
                print(OaiHarvest.run(catalog, HarvestLog.open(dataDir, Clock.systemUTC()), library, client, Clock.systemUTC()));
            }
            return 0;
        }
    }

    /**
     * The catalogue of a data directory the hub has set up, for the commands that write into it; a directory
     * without one is refused before anything is created in it (a half-made directory would not know its network).
     *
     * @param whileRunning what to do instead while a hub runs on it
     */
    static Catalog openExisting(HubConfig config, String whileRunning) {
        Path dataDir = config.dataDir();
        if (!Files.isRegularFile(dataDir.resolve("catalog.db"))) {
            throw new Refused(dataDir + " holds no catalogue (no catalog.db): start the hub on it once to set up its members"
                    + " (./tongjie run --data " + dataDir + " --members FILE), or give the right --data DIR");
        }
        try {
            return config.openCatalog(Clock.systemUTC());
        } catch (CatalogInUseException e) {
            throw new Refused("a hub is running on " + dataDir + ": " + whileRunning);
        }
    }

    private static void refuseUnknownMember(Catalog catalog, Path dataDir, String id) {
        if (catalog.libraries().get(id).isEmpty()) {
            throw new Refused("no member '" + id + "' in " + dataDir + "; the members are "
                    + catalog.libraries().all().stream().map(Library::id).sorted().collect(Collectors.joining(", "))
                    + " (members come from the member directory: --members FILE on ./tongjie run)");
        }
    }

    /** A port another program listens on is refused before the hub opens anything. */
    private static void refuseTakenPorts(HubConfig config) {
        refuseTaken(config.port(), "the HTTP port", "stop it, or choose another port with --port N");
        if (config.z3950Enabled()) {
            refuseTaken(config.z3950Port(), "the Z39.50 port", "stop it, or choose another port with --z3950-port N, or --no-z3950");
        }
    }

    private static void refuseTaken(int port, String what, String instead) {
        if (port == 0) {
            return;
        }
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new Refused(what + " " + port + " is taken (another program listens on it, perhaps another hub): " + instead);
        }
    }

    /** The members file is read before the data directory is touched: a bad one must not mark it a real network. */
    private static void refuseUnreadableMembers(HubConfig config) {
        config.membersFile().ifPresent(file -> {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new Refused("cannot read the members file " + file + " (--members, members, " + Setting.MEMBERS.env()
                        + "): " + (Files.exists(file) ? "it is not a readable file" : "there is no such file")
                        + "; give your network's member directory (its format is in harvester/README.md)");
            }
            MemberDirectory.read(file);
        });
    }

    /** The Z39.50 server if it runs, and the console's line about it. */
    private record Z3950Started(Optional<HubZ3950Server> server, String line) {}

    /**
     * Starts the Z39.50 server in a JVM of its own, reading through this one's catalogue (it ends with the
     * hub, since the hub holds its standard input).
     */
    private static Z3950Started startZ3950(HubConfig config, Catalog catalog) {
        if (!config.z3950Enabled()) {
            return new Z3950Started(Optional.empty(), "off (--no-z3950)");
        }
        return switch (HubZ3950Server.start(catalog, config.dataDir().resolve("z3950.log"), "0.0.0.0", config.z3950Port())) {
            case HubZ3950Server.Outcome.Running running -> {
                yield new Z3950Started(Optional.of(running.server()), "tcp:localhost:" + config.z3950Port()
                        + "  (yaz-client tcp:localhost:" + config.z3950Port() + "; listening on " + running.address() + ")");
            }
            case HubZ3950Server.Outcome.Off off -> new Z3950Started(Optional.empty(), "off, " + off.reason());
        };
    }

    private static void print(IngestReport report) {
        System.out.printf("%s: %d accepted, %d updated, %d unchanged, %d deleted, %d quarantined%n",
                report.libraryId(), report.accepted(), report.updated(), report.unchanged(), report.deleted(),
                report.quarantined());
        report.problems().forEach(p -> System.out.printf("  record %d%s: %s%n", p.position(),
                p.sourceId().map(id -> " (" + id + ")").orElse(""), p.reason()));
        report.warnings().forEach(w -> System.out.printf("  record %d (%s) repaired: %s%n", w.position(), w.sourceId(), w.repair()));
    }
}
