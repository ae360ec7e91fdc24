package org.tongjie.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.store.ClusterTables;

class ClusterTablesTest {
    @TempDir
    Path dir;

    /**
     * The regional-corpus benchmark found copies left out of their union records when the limit applied to
     * a whole slice of changes; the limit now leaves out only the keys more records share than it allows.
     */
    @Test
    void aKeyMoreRecordsShareThanTheLimitIsLeftOutAndTheOtherKeysStillCount() {
        ClusterTables tables = CatalogStore.openSqlite(dir.resolve("catalog.db")).clusters();
        tables.save(Map.of(
                "r1", Set.of("ta:poems|anon", "isbn:9787020024759"),
                "r2", Set.of("ta:poems|anon"),
                "r3", Set.of("ta:poems|anon"),
                "r4", Set.of("ta:poems|anon"),
                "r5", Set.of("isbn:9787020024759")), List.of(), List.of());

        var block = tables.recordsUnder(List.of("ta:poems|anon", "isbn:9787020024759"), 3);

        assertEquals(Set.of("r1", "r5"), block.records());
        assertEquals(Set.of("ta:poems|anon"), block.oversizedKeys());
        assertEquals(Set.of("r1", "r2", "r3", "r4", "r5"), tables.recordsUnder(List.of("ta:poems|anon", "isbn:9787020024759"), 4).records());
    }
}
