package org.tongjie.ill;

import java.time.Clock;

/** {@link IllServiceTest} on a real PostgreSQL 17 (embedded binaries), a fresh database per test. */
class PostgresIllServiceTest extends IllServiceTest {
    @Override
    IllStore openStore(Clock clock) {
        return IllStore.openPostgres(Postgres.freshDatabase(), clock);
    }
}
