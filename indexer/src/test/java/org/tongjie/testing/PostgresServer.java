package org.tongjie.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server (zonky's embedded binaries, 17.6) for the test JVM, and a fresh database on it
 * for each test that asks, named by its JDBC URL (user in the URL, no password: the server trusts loopback).
 */
public final class PostgresServer {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresServer() {}

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

    /** A new, empty database's {@code jdbc:postgresql://…?user=postgres} URL. */
    public static String freshDatabase() {
        String name = "catalog_test_" + DATABASES.incrementAndGet();
        try (var c = server().getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
