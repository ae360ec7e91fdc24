package org.tongjie.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * What a test needs from outside the repository: the shared test data, a program or file a Debian package
 * installs. When it is missing the test is skipped with the reason on a developer's machine, and fails
 * under {@code CI=true}, where a skip would let the build go green without having run the test.
 * {@code ./tongjie test} installs every Debian package the tests use, so under CI they count as required.
 */
public final class Required {
    private Required() {}

    /**
     * Goes on when {@code present}; otherwise skips the calling test, or fails it under {@code CI=true}.
     *
     * @param missing what is missing and how to get it, e.g. "/usr/bin/zoomsh: apt-get install -y yaz"
     */
    public static void that(boolean present, String missing) {
        check(present, missing, "true".equals(System.getenv("CI")));
    }

    /** An executable a Debian package installs, e.g. {@code /usr/bin/yaz-client} from {@code yaz}. */
    public static Path program(String path, String debianPackage) {
        Path p = Path.of(path);
        that(Files.isExecutable(p), p + " is not installed: apt-get install -y " + debianPackage + " (./tongjie test does)");
        return p;
    }

    /** A file a Debian package installs, e.g. a header of {@code libyaz-dev}. */
    public static Path debianFile(String path, String debianPackage) {
        Path p = Path.of(path);
        that(Files.isReadable(p), p + " is not installed: apt-get install -y " + debianPackage + " (./tongjie test does)");
        return p;
    }

    static void check(boolean present, String missing, boolean onCi) {
        if (present) {
            return;
        }
        if (onCi) {
            throw new AssertionFailedError("missing " + missing + " (CI=true: a missing prerequisite fails the test, "
                    + "it is not skipped)");
        }
        Assumptions.abort("missing " + missing);
    }
}
