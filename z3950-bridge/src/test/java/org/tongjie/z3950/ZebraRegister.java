package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Zebra register in a temporary directory, built from the shared MARC21 peer configuration
 * ({@code ../shared/peers/zebra-marc21/zebra.cfg}) and the LC sample records. Public for the harvester's
 * tests.
 */
public final class ZebraRegister {
    public static final Path SHARED = Path.of(System.getProperty("tongjie.shared.data", "../../shared/data"));
    public static final Path CONFIG = SHARED.resolveSibling("peers").resolve("zebra-marc21").resolve("zebra.cfg");
    public static final Path SAMPLE_MARC = SHARED.resolve("idzebra-examples/marc21/sample-marc");
    /** Debian's MARC21 indexing rules; the config's profilePath searches "." first, so a copy there wins. */
    private static final Path MARC21_ABS = Path.of("/usr/share/idzebra-2.0/tab/marc21.abs");

    private ZebraRegister() {}

    /**
     * Indexes {@code records} into a register under {@code dir}. The shared rules do not index 020, so ISBN
     * searches find nothing; a local copy of the rules adds 020$a as ISBN (Bib-1 use 7), as words: numeric
     * indexes fail above 2^31.
     */
    public static void build(Path dir, Path records) throws IOException, InterruptedException {
        Files.copy(CONFIG, dir.resolve("zebra.cfg"));
        for (String sub : List.of("register", "shadow", "lock", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("marc21.abs"), Files.readString(MARC21_ABS) + "\nmelm 020$a\t\tISBN:w\n");
        zebraidx(dir, "init");
        zebraidx(dir, "update", records.toAbsolutePath().toString());
        // The config enables a shadow register: updates land there and only a commit makes them searchable.
        zebraidx(dir, "commit");
    }

    private static void zebraidx(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/zebraidx", "-c", "zebra.cfg"));
        command.addAll(List.of(arguments));
        Path log = dir.resolve("zebraidx-" + arguments[0] + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(command + " did not finish within 60 s:\n" + readQuietly(log));
        }
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + readQuietly(log));
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
