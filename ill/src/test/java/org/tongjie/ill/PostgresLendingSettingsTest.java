package org.tongjie.ill;

import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/** {@link LendingSettingsTest} on a real PostgreSQL 17, a database of its own per test. */
class PostgresLendingSettingsTest extends LendingSettingsTest {
    DataSource ds;

    @BeforeEach
    void database() {
        ds = Postgres.freshDatabase();
    }

    @Override
    IllStore open() {
        return IllStore.openPostgres(ds, Clock.systemUTC());
    }
}
