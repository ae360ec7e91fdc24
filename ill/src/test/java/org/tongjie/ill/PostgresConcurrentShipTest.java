package org.tongjie.ill;

import java.time.Clock;

/** {@link ConcurrentShipTest} on a real PostgreSQL 17 (embedded binaries), a fresh database per test. */
class PostgresConcurrentShipTest extends ConcurrentShipTest {
    @Override
    IllStore openStore(Clock clock) {
        return IllStore.openPostgres(Postgres.freshDatabase(), clock);
    }
}
