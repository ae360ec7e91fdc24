package org.tongjie.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real records from {@code ../shared/data} (every developer and CI has it; a bare clone may not), and
 * from the Debian packages {@code ./tongjie test} installs. A test that needs a file that is not there is
 * skipped with the reason, never failed.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        return Path.of(System.getProperty("tongjie.shared.data", "../../shared/data"));
    }

    /** A file under {@code ../shared/data}; skips the calling test when the folder is not present. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "shared test data not present: " + p);
        return p;
    }

    /** A file a Debian package ships, e.g. idzebra-2.0-examples; skips the calling test without it. */
    public static Path debianFile(String absolute) {
        Path p = Path.of(absolute);
        assumeTrue(Files.isRegularFile(p), "Debian package file not present (./tongjie test installs it): " + p);
        return p;
    }

    public static final String ZEBRA_SAMPLE_MARC = "/usr/share/doc/idzebra-2.0/examples/marc21/sample-marc.gz";
}
