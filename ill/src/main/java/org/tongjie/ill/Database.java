package org.tongjie.ill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Connections and transactions on the embedded SQLite file, with the ILL schema migrated. */
final class Database {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws Exception;
    }

    private final DataSource dataSource;

    private Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static Database openSqlite(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllStoreException("cannot create the directory for the ILL database " + file, e);
        }
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        config.enforceForeignKeys(true);
        // BEGIN IMMEDIATE takes the write lock up front: concurrent writers wait for each other (busy
        // timeout) instead of failing to upgrade a read lock, across threads and processes alike.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        var ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        // Its own history table, so the ILL schema can share one file with the catalogue's.
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/ill/sqlite")
                .table("ill_schema_history").load().migrate();
        return new Database(ds);
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it. */
    <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } catch (RuntimeException e) {
            throw e; // our own refusals (illegal transition, concurrent change) pass through as they are
        } catch (Exception e) {
            throw new IllStoreException("ILL database write failed: " + e.getMessage(), e);
        }
    }

    <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllStoreException("ILL database read failed: " + e.getMessage(), e);
        }
    }
}
