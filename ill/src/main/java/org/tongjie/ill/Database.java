package org.tongjie.ill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Connections and transactions on the embedded SQLite file, with the ILL schema migrated. */
final class Database implements AutoCloseable {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /** Idle connections kept for reuse: opening a SQLite connection costs more than most transactions. */
    private static final int MAX_IDLE = 8;

    private final DataSource dataSource;
    private final java.util.concurrent.BlockingDeque<Connection> idle = new java.util.concurrent.LinkedBlockingDeque<>();
    private volatile boolean closed;

    private Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Connection borrow() throws java.sql.SQLException {
        if (closed) {
            throw new IllStoreException("the ILL store is closed", null);
        }
        Connection c = idle.pollFirst();
        return c != null ? c : dataSource.getConnection();
    }

    /** Back to the pool in auto-commit mode (no transaction, no lock held), or closed if the pool is full. */
    private void giveBack(Connection c, boolean healthy) {
        try {
            if (healthy && !closed && !c.isClosed() && c.getAutoCommit() && idle.size() < MAX_IDLE) {
                idle.offerFirst(c);
                if (!closed) {
                    return;
                }
                idle.remove(c);
            }
            c.close();
        } catch (java.sql.SQLException e) {
            // a connection that cannot even be closed is simply dropped
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            giveBack(c, false);
        }
    }

    /**
     * Synchronous FULL: a move a desk was told is committed survives a power loss, not only the process
     * being killed. It costs a sync of the WAL per commit (BENCHMARKS.md, "ILL transitions").
     */
    static Database openSqlite(Path file) {
        return openSqlite(file, SQLiteConfig.SynchronousMode.FULL);
    }

    /**
     * In WAL mode, NORMAL syncs at checkpoints: a commit survives the process being killed but the last
     * ones may be lost if the machine loses power; FULL syncs the WAL at every commit.
     */
    static Database openSqlite(Path file, SQLiteConfig.SynchronousMode synchronous) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllStoreException("cannot create the directory for the ILL database " + file, e);
        }
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous);
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

    /**
     * A PostgreSQL database (the caller's data source, e.g. a PGSimpleDataSource), migrated with the
     * PostgreSQL folder: the same tables, an identity column and plpgsql triggers for the append-only log.
     */
    static Database openPostgres(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/ill/postgresql")
                .table("ill_schema_history").load().migrate();
        return new Database(ds);
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it. */
    <T> T inTransaction(Work<T> work) {
        Connection c = null;
        boolean healthy = false;
        try {
            c = borrow();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                c.setAutoCommit(true);
                healthy = true;
                return result;
            } catch (Exception e) {
                c.rollback();
                c.setAutoCommit(true);
                healthy = true;
                throw e;
            }
        } catch (RuntimeException e) {
            throw e; // our own refusals (illegal transition, concurrent change) pass through as they are
        } catch (Exception e) {
            throw new IllStoreException("ILL database write failed: " + e.getMessage(), e);
        } finally {
            if (c != null) {
                giveBack(c, healthy);
            }
        }
    }

    <T> T read(Work<T> work) {
        Connection c = null;
        boolean healthy = false;
        try {
            c = borrow();
            T result = work.run(c);
            healthy = true;
            return result;
        } catch (RuntimeException e) {
            healthy = true;
            throw e;
        } catch (Exception e) {
            throw new IllStoreException("ILL database read failed: " + e.getMessage(), e);
        } finally {
            if (c != null) {
                giveBack(c, healthy);
            }
        }
    }
}
