package org.tongjie.ill;

/** {@link SignInTest} on a real PostgreSQL 17 (the failure count's upsert), a database of its own per test. */
class PostgresSignInTest extends SignInTest {
    @Override
    Database openDatabase() {
        return Database.openPostgres(Postgres.freshDatabase());
    }
}
