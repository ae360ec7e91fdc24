package org.tongjie.ill;

import java.time.Clock;

/** {@link CopyReservationTest} on a real PostgreSQL 17 (embedded binaries), a fresh database per test. */
class PostgresCopyReservationTest extends CopyReservationTest {
    @Override
    IllStore openStore(Clock clock) {
        return IllStore.openPostgres(Postgres.freshDatabase(), clock);
    }
}
