package org.tongjie.ill;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/** {@link OutboxTest} on a real PostgreSQL 17, a database of its own per test. */
class PostgresOutboxTest extends OutboxTest {
    DataSource ds;

    @BeforeEach
    void database() {
        ds = Postgres.freshDatabase();
    }

    @Override
    IllStore open() {
        return IllStore.openPostgres(ds, clock);
    }
}
