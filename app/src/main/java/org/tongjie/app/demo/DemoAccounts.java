package org.tongjie.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.Library;
import org.tongjie.ill.IllAccounts;
import org.tongjie.ill.Language;
import org.tongjie.ill.Reader;

/**
 * The demo network's accounts, made on its first start only, so a newcomer can sign in on every page: reader
 * cards with PINs at different home libraries (fixed, printed in the README), a desk key per member for
 * /staff.html (issued by the ILL accounts, so random: printed at first start and kept in
 * {@code DATA/demo-accounts.txt}), the members' upload keys ({@code demo-key-ID}) and the administrator's key.
 */
public final class DemoAccounts {
    public static final String FILE = "demo-accounts.txt";
    /** How many desk keys the console shows; the file holds every member's. */
    private static final int DESKS_SHOWN = 3;

    /** A demo reader: the card number, the PIN and the home library. */
    public record DemoReader(String card, String pin, String homeLibrary, Language language) {}

    public static final List<DemoReader> READERS = List.of(
            new DemoReader("320583000123456", "2468", "branch-lujia", Language.ZH),
            new DemoReader("320583000200001", "1357", DemoNetwork.CENTRAL, Language.ZH),
            new DemoReader("320583000300002", "8642", "branch-zhoushi", Language.ZH),
            new DemoReader("320583000400003", "9753", "branch-bacheng", Language.EN));

    private DemoAccounts() {}

    /**
     * Registers the readers and issues a desk key for each member, writes them with the administrator's key
     * to {@value #FILE} (owner-readable only) and returns the lines for the console.
     */
    public static List<String> create(IllAccounts accounts, List<Library> members, Path dataDir, Optional<String> adminKey) {
        READERS.forEach(r -> accounts.registerReader(new Reader(r.card(), r.homeLibrary()), r.pin(), r.language()));
        var desks = new ArrayList<String>();
        for (Library member : members) {
            desks.add(member.id() + "  " + accounts.issueStaffKey(member.id(), "demo desk"));
        }
        var file = new ArrayList<String>();
        file.add("# Tongjie demo network accounts: on this demo data directory only; the keys are random, the PINs public.");
        file.add("# Readers (card  PIN  home library): sign in on http://localhost:7070/#/requests");
        READERS.forEach(r -> file.add(r.card() + "  " + r.pin() + "  " + r.homeLibrary()));
        file.add("# Desk keys (member  key): choose the member on /staff.html and paste its key");
        file.addAll(desks);
        file.add("# Member upload keys: demo-key-ID, e.g. demo-key-branch-lujia (/member.html, POST /api/libraries/ID/records)");
        adminKey.ifPresent(k -> file.add("# Network administrator (X-Api-Key): " + k));
        write(dataDir.resolve(FILE), file);
        return consoleLines(dataDir, desks, adminKey);
    }

    /** The console's lines for a demo data directory started before: where its accounts are. */
    public static List<String> recorded(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        return Files.exists(file) ? List.of("Demo accounts: " + file.toAbsolutePath() + " (readers, desk keys, upload keys)") : List.of();
    }

    private static List<String> consoleLines(Path dataDir, List<String> desks, Optional<String> adminKey) {
        var lines = new ArrayList<String>();
        lines.add("Demo accounts (this demo data directory only; all of them in " + dataDir.resolve(FILE).toAbsolutePath() + "):");
        READERS.forEach(r -> lines.add("  reader card " + r.card() + "  PIN " + r.pin() + "  (home library " + r.homeLibrary() + ")"));
        lines.add("  desk keys for /staff.html:  " + String.join(",  ", desks.subList(0, Math.min(DESKS_SHOWN, desks.size())))
                + (desks.size() > DESKS_SHOWN ? "  (+" + (desks.size() - DESKS_SHOWN) + " more in the file)" : ""));
        lines.add("  member upload keys for /member.html:  demo-key-ID (demo-key-central, demo-key-branch-lujia, ...)");
        adminKey.ifPresent(k -> lines.add("  administrator (X-Api-Key):  " + k));
        return lines;
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions keeps its own access rules
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo accounts to " + file, e);
        }
    }
}
