package org.tongjie.ill;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (zonky's embedded binaries, 17.6) for the test JVM, and a fresh database on
 * it for each test, so the store tests run against both SQLite and PostgreSQL.
 */
final class Postgres {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Postgres() {}

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending anyway
                }
            }));
        }
        return server;
    }

    /** A new, empty database. */
    static DataSource freshDatabase() {
        String name = "ill_test_" + DATABASES.incrementAndGet();
        try (var c = server().getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return server().getDatabase("postgres", name);
    }
}
