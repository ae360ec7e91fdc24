package org.tongjie.ill;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

/** {@link TransitionTableTest} on a real PostgreSQL 17: the store allows exactly the table there too. */
class PostgresTransitionTableTest extends TransitionTableTest {
    @Override
    IllStore openStore(Path dir) {
        return IllStore.openPostgres(Postgres.freshDatabase(), Clock.fixed(Walk.T0, ZoneOffset.UTC));
    }
}
