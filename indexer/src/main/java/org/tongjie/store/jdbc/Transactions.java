package org.tongjie.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.concurrent.locks.ReentrantLock;
import org.tongjie.store.StoreException;

/**
 * Transactions on the catalogue's database, whichever it is. A write is one transaction (all of it commits or
 * none of it) and writes take turns within the process: on SQLite there is one writer anyway, and each write
 * that changes records takes the next change number, so change numbers commit in order.
 */
public final class Transactions implements AutoCloseable {
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws Exception;
    }

    private final HikariDataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock();

    public Transactions(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T write(Work<T> work) {
        writeLock.lock();
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
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
