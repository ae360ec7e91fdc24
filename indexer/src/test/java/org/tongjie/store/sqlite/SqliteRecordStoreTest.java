package org.tongjie.store.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.store.RecordStore;
import org.tongjie.store.RecordStoreContract;

/** The store contract on the embedded SQLite file. */
class SqliteRecordStoreTest extends RecordStoreContract {
    @TempDir
    Path dir;

    @Override
    protected RecordStore open() {
        return CatalogStore.openSqlite(dir.resolve("catalog.db"));
    }
}
