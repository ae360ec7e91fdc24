package org.tongjie.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import org.tongjie.store.StoreException;

/**
 * Transactions on the catalogue's PostgreSQL database. Each write is one transaction: all of it commits or
 * none of it. A write that changes records takes the next change number from {@code change_counter}, whose
 * row lock it holds until it commits, so change numbers commit in order across every hub node on the
 * database; within one node writes also take turns, as on SQLite, so two of them never wait on each
 * other's rows.
 */
final class Database implements AutoCloseable {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws Exception;
    }

    private final HikariDataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock();

    Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T write(Work<T> work) {
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

    <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    /** The next change number; its row stays locked until the transaction ends. */
    static long nextChangeSeq(Connection c) throws SQLException {
        try (var st = c.prepareStatement("UPDATE change_counter SET value = value + 1 RETURNING value");
             var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Many ids as one parameter ({@code = ANY (?)}): one statement whatever their number. */
    static Array texts(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
