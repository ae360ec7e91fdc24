package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ILL store's SQLite file: what a desk was told is committed survives a power loss. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void everyConnectionSyncsTheLogAtEachCommit() {
        try (Database db = Database.openSqlite(dir.resolve("ill.db"))) {
            // Two connections at once: each pooled connection is configured, not only the first.
            int[] modes = db.read(a -> db.read(b -> new int[] {pragma(a), pragma(b)}));
            assertEquals(2, modes[0], "PRAGMA synchronous: 2 is FULL (1 NORMAL)");
            assertEquals(2, modes[1], "PRAGMA synchronous on a second connection");
        }
    }

    private static int pragma(java.sql.Connection c) throws java.sql.SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA synchronous")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
