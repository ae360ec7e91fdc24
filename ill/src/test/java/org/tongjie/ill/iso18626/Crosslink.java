package org.tongjie.ill.iso18626;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real ISO 18626 messages from Index Data's crosslink in ../shared/data (read there, never copied). */
final class Crosslink {
    private Crosslink() {}

    static Path root() {
        String shared = System.getProperty("tongjie.shared.data");
        if (shared == null) {
            throw new IllegalStateException("the tests need -Dtongjie.shared.data (the root pom sets it)");
        }
        Path root = Path.of(shared, "iso18626-crosslink");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no ISO 18626 messages at " + root);
        }
        return root;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** Every message: broker/test/testdata, illmock/examples and illmock/reqform. */
    static List<Path> messages() {
        try (Stream<Path> a = Files.list(file("broker/test/testdata")); Stream<Path> b = Files.list(file("illmock/examples"));
             Stream<Path> c = Files.list(file("illmock/reqform"))) {
            return Stream.of(a, b, c).flatMap(s -> s).filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
