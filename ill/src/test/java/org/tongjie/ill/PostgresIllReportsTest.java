package org.tongjie.ill;

import java.time.Clock;

/** {@link IllReportsTest} on a real PostgreSQL 17 (embedded binaries), a fresh database per test. */
class PostgresIllReportsTest extends IllReportsTest {
    @Override
    IllStore openStore(Clock clock) {
        return IllStore.openPostgres(Postgres.freshDatabase(), clock);
    }
}
