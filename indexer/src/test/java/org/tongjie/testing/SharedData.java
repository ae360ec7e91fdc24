package org.tongjie.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real records from {@code ../shared/data} (every developer and CI has it; a bare clone may not), and
 * from the Debian packages {@code ./tongjie test} installs. A test that needs a file that is not there is
 * skipped with the reason, or failed under {@code CI=true} ({@link Required}).
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        return Path.of(System.getProperty("tongjie.shared.data", "../../shared/data"));
    }

    /** A file under {@code ../shared/data}; skips the calling test (fails it under CI) when it is not there. */
    public static Path file(String relative) {
        return file(root(), relative);
    }

    static Path file(Path root, String relative) {
        Path p = root.resolve(relative);
        Required.that(Files.isRegularFile(p), "shared test data " + p + ": " + HOW_TO_GET);
        return p;
    }

    /** The shared data folder itself, for tests that walk it. */
    public static Path folder(String relative) {
        Path p = root().resolve(relative);
        Required.that(Files.isDirectory(p), "shared test data folder " + p + ": " + HOW_TO_GET);
        return p;
    }

    /** A file a Debian package ships, e.g. idzebra-2.0-examples; skips (fails under CI) without it. */
    public static Path debianFile(String absolute) {
        return Required.debianFile(absolute, "idzebra-2.0-examples");
    }

    static final String HOW_TO_GET = "the tests read real records from the shared test data folder ../shared/data "
            + "beside the repository; put it there or point -Dtongjie.shared.data=DIR at it";

    public static final String ZEBRA_SAMPLE_MARC = "/usr/share/doc/idzebra-2.0/examples/marc21/sample-marc.gz";
}
