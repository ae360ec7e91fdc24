package org.tongjie.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongjie.app.demo.DemoNetwork;
import org.tongjie.catalog.Library;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberDirectory;

/**
 * Whether a data directory holds the demo network or a real one, decided on its first start and recorded
 * in {@code DATA/network}: the demo's member directory, whose upload keys ({@code demo-key-*}) are public,
 * is only ever used on a data directory that is the demo's.
 */
enum Network {
    DEMO, MEMBERS;

    static final String FILE = "network";

    /** A start that would put the demo's public keys on real members, or real members into the demo. */
    static final class MismatchException extends RuntimeException {
        MismatchException(String message) {
            super(message);
        }
    }

    /**
     * The member directory a start uses.
     *
     * @param loadDemo whether the demo network's records are to be loaded (its first start)
     * @param from where the directory came from, for the console
     */
    record Choice(Network network, MemberDirectory directory, boolean loadDemo, String from) {}

    /**
     * The network of {@code dataDir} as {@code config} asks for it and as it was recorded: a members file or
     * {@code demo = false} asks for a real network, nothing for the demo.
     *
     * @param libraries the members the catalogue holds already
     * @throws MismatchException if the request and the data directory disagree
     */
    static Choice choose(HubConfig config, List<Library> libraries) {
        Path dataDir = config.dataDir();
        Network wanted = config.membersFile().isPresent() || !config.demo() ? MEMBERS : DEMO;
        Optional<Network> recorded = recorded(dataDir);
        if (recorded.equals(Optional.of(DEMO)) && wanted == MEMBERS) {
            throw new MismatchException(dataDir + " holds the demo network (" + dataDir.resolve(FILE) + " says so), whose"
                    + " upload keys are public; give your members a data directory of their own: --data DIR "
                    + config.membersFile().map(f -> "--members " + f).orElse("--no-demo"));
        }
        if (recorded.equals(Optional.of(MEMBERS)) && wanted == DEMO) {
            throw new MismatchException(dataDir + " holds a real network (" + dataDir.resolve(FILE) + " says so), never"
                    + " the demo: give its member directory with --members FILE (or members in " + ConfigLoader.FILE_NAME
                    + ", or " + Setting.MEMBERS.env() + "), or --no-demo to run it without one");
        }
        if (recorded.isEmpty() && wanted == DEMO) {
            Set<String> demoIds = DemoNetwork.directory().members().stream().map(Member::id).collect(Collectors.toSet());
            List<String> real = libraries.stream().map(Library::id).filter(id -> !demoIds.contains(id)).toList();
            if (!real.isEmpty()) {
                throw new MismatchException(dataDir + " holds members that are not the demo's (" + String.join(", ", real)
                        + "), so it does not start as the demo: give their directory with --members FILE, or --no-demo");
            }
        }
        if (recorded.isEmpty()) {
            wanted.record(dataDir);
        }
        return switch (wanted) {
            case DEMO -> new Choice(DEMO, DemoNetwork.directory(), libraries.isEmpty(), "the demo network");
            case MEMBERS -> config.membersFile()
                    .map(f -> new Choice(MEMBERS, MemberDirectory.read(f), false, f.toString()))
                    .orElseGet(() -> new Choice(MEMBERS, new MemberDirectory(), false, "nowhere (no members file given)"));
        };
    }

    static Optional<Network> recorded(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String word = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("");
            return Optional.of(switch (word) {
                case "demo" -> DEMO;
                case "members" -> MEMBERS;
                default -> throw new MismatchException(file + " must say 'demo' or 'members', says '" + word + "'");
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void record(Path dataDir) {
        String why = this == DEMO
                ? "# This data directory holds Tongjie's demo network: its public demo-key-* upload keys work here only."
                : "# This data directory holds a real network: the demo network and its public keys are never used here.";
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(FILE), why + "\n" + name().toLowerCase(java.util.Locale.ROOT) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the network in " + dataDir.resolve(FILE), e);
        }
    }
}
