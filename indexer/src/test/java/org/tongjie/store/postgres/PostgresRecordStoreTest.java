package org.tongjie.store.postgres;

import org.tongjie.store.RecordStore;
import org.tongjie.store.RecordStoreContract;
import org.tongjie.testing.PostgresServer;

/** The store contract on a real PostgreSQL 17 (zonky's embedded binaries), a fresh database each test. */
class PostgresRecordStoreTest extends RecordStoreContract {
    @Override
    protected RecordStore open() {
        return PostgresRecordStore.open(PostgresServer.freshDatabase(), java.util.Map.of());
    }
}
