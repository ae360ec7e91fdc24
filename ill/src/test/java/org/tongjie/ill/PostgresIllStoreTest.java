package org.tongjie.ill;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link IllStoreTest} on a real PostgreSQL 17 (zonky's embedded binaries): the PostgreSQL migrations,
 * the same store code; each test has a database of its own.
 */
class PostgresIllStoreTest extends IllStoreTest {
    DataSource ds;

    @BeforeEach
    void database() {
        ds = Postgres.freshDatabase();
    }

    @Override
    IllStore open() {
        return IllStore.openPostgres(ds, Clock.fixed(Walk.T0, ZoneOffset.UTC));
    }

    @Override
    Connection raw() throws SQLException {
        return ds.getConnection();
    }
}
