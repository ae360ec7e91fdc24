package org.tongjie.marc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tongjie.catalog.BibRecord;

/** The real records the microbenchmarks run on: the shared MARC21 pool, read once per fork. */
public final class JmhRecords {
    private JmhRecords() {}

    /** {@code -Dtongjie.shared.data}, else {@code ../shared/data} beside the project (./tongjie runs from its root). */
    public static Path pool() {
        Path file = Path.of(System.getProperty("tongjie.shared.data", "../shared/data"), "pool/pool-marc21-utf8.mrc");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: pass -Dtongjie.shared.data=<the shared data folder>");
        }
        return file;
    }

    public static byte[] poolBytes() throws IOException {
        return Files.readAllBytes(pool());
    }

    public static List<MarcEntry.Parsed> parsed() throws IOException {
        var list = new ArrayList<MarcEntry.Parsed>();
        try (var source = MarcSource.open(new ByteArrayInputStream(poolBytes()))) {
            while (source.hasNext()) {
                if (source.next() instanceof MarcEntry.Parsed p) {
                    list.add(p);
                }
            }
        }
        return List.copyOf(list);
    }

    public static List<BibRecord> normalised() throws IOException {
        return parsed().stream().flatMap(p -> Normalizer.normalize("jmh", p).stream()).toList();
    }
}
