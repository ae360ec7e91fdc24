package org.tongjie.ill;

import java.time.Clock;

/** {@link StaffDeskTest} on a real PostgreSQL 17 (embedded binaries), a fresh database per test. */
class PostgresStaffDeskTest extends StaffDeskTest {
    @Override
    IllStore openStore(Clock clock) {
        return IllStore.openPostgres(Postgres.freshDatabase(), clock);
    }
}
