package org.tongjie.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.store.Change;
import org.tongjie.store.ClusterTables;
import org.tongjie.store.IngestBatch;
import org.tongjie.store.PublishedUnions;
import org.tongjie.store.QuarantinedRecord;
import org.tongjie.store.RecordStore;
import org.tongjie.store.StoreException;
import org.tongjie.store.jdbc.Rows;
import org.tongjie.store.jdbc.Transactions;

/**
 * The {@link RecordStore} on a PostgreSQL server, migrated by Flyway from {@code db/migration/postgresql}
 * (the SQLite store's tables, version for version), so that several hub nodes can share one catalogue. It
 * behaves as the SQLite store does (the same contract test runs on both); batches write their records with
 * a few statements per slice of records, not one per record.
 */
public final class PostgresRecordStore implements RecordStore {
    /**
     * Connections per node: readers run side by side, writers take turns within a node. Across nodes, a write
     * that changes records takes the next change number first and holds that row's lock until it commits,
     * so change numbers commit in order whichever node writes.
     */
    private static final int POOL_SIZE = 8;
    /** A quarantined record's id is shown cut to this many characters: the id may be why it is there. */
    private static final int SHOWN_ID = 200;

    private final Transactions db;

    private PostgresRecordStore(Transactions db) {
        this.db = db;
    }

    /**
     * Opens the catalogue at {@code jdbc:postgresql://HOST:PORT/DATABASE} and brings its schema up to date.
     * The user and password come from the URL's {@code user} and {@code password} parameters, or else from
     * the environment's {@code PGUSER} and {@code PGPASSWORD}, as for psql; neither is ever printed.
     */
    public static PostgresRecordStore open(String jdbcUrl) {
        return open(jdbcUrl, System.getenv());
    }

    static PostgresRecordStore open(String jdbcUrl, Map<String, String> environment) {
        String where = JdbcUrls.withoutParameters(jdbcUrl);
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("a PostgreSQL store is named by jdbc:postgresql://HOST:PORT/DATABASE, not "
                    + where);
        }
        var pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        JdbcUrls.fromEnvironment(jdbcUrl, "user", environment.get("PGUSER")).ifPresent(pool::setUsername);
        JdbcUrls.fromEnvironment(jdbcUrl, "password", environment.get("PGPASSWORD")).ifPresent(pool::setPassword);
        // The driver sends a JDBC batch of inserts as multi-row INSERTs: a slice of records is a few round trips.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        pool.setPoolName("catalog " + where);
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the catalogue database " + where + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/postgresql").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot bring the catalogue database " + where + " up to date: " + e.getMessage(), e);
        }
        return new PostgresRecordStore(new Transactions(dataSource));
    }

    @Override
    public void saveLibrary(Library library) {
        db.write(c -> {
            Rows.saveLibrary(c, library);
            return null;
        });
    }

    @Override
    public List<Library> libraries() {
        return db.read(Rows::libraries);
    }

    @Override
    public IngestBatch beginBatch(String libraryId, String origin, Instant now, IngestBatch.Mode mode) {
        return new PostgresBatch(db, db.write(c -> Rows.beginBatch(c, libraryId, origin, now, mode)), libraryId, mode);
    }

    @Override
    public Optional<IngestBatch> resumeBatch(String libraryId, long batchId) {
        return db.read(c -> Rows.unfinishedBatch(c, libraryId, batchId))
                .map(mode -> new PostgresBatch(db, batchId, libraryId, mode));
    }

    /** An upload cannot be resumed (its sender sends the file again), so what it staged is dropped. */
    @Override
    public int dropAbandonedStaging(Instant before) {
        return db.write(c -> Rows.dropAbandonedStaging(c, before));
    }

    @Override
    public List<QuarantinedRecord> quarantine(String libraryId, long batchId) {
        return quarantined("WHERE library_id = ? AND batch_id = ? ORDER BY position", libraryId, batchId);
    }

    @Override
    public List<QuarantinedRecord> quarantine(String libraryId, int offset, int limit) {
        return quarantined("WHERE library_id = ? ORDER BY batch_id DESC, position LIMIT ? OFFSET ?",
                libraryId, limit, offset);
    }

    @Override
    public long quarantineCount(String libraryId) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT COUNT(*) FROM quarantine WHERE library_id = ?")) {
                st.setString(1, libraryId);
                return single(st).orElseThrow();
            }
        });
    }

    @Override
    public Optional<QuarantinedRecord> quarantined(String libraryId, long id) {
        return quarantined("WHERE library_id = ? AND id = ?", libraryId, id).stream().findFirst();
    }

    private List<QuarantinedRecord> quarantined(String where, Object... parameters) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM quarantine " + where)) {
                for (int i = 0; i < parameters.length; i++) {
                    st.setObject(i + 1, parameters[i]);
                }
                return Rows.quarantined(st);
            }
        });
    }

    @Override
    public void quarantineStored(String recordId, String reason, Instant at) {
        db.write(c -> {
            try (var st = c.prepareStatement("""
                    WITH gone AS (DELETE FROM source_records WHERE record_id = ? RETURNING library_id, local_id, raw),
                         latest AS (SELECT b.id, gone.* FROM gone
                                    JOIN LATERAL (SELECT MAX(id) AS id FROM ingest_batches WHERE library_id = gone.library_id) b ON TRUE),
                         counted AS (UPDATE ingest_batches SET quarantined = quarantined + 1
                                     WHERE id = (SELECT id FROM latest) RETURNING id)
                    INSERT INTO quarantine (batch_id, library_id, position, source_id, reason, raw, received_at)
                    SELECT id, library_id, 0,
                      CASE WHEN length(local_id) > ? THEN left(local_id, ?) || '…' ELSE local_id END, ?, raw, ?
                    FROM latest""")) {
                st.setString(1, recordId);
                st.setInt(2, SHOWN_ID);
                st.setInt(3, SHOWN_ID);
                st.setString(4, reason);
                st.setString(5, at.toString());
                st.executeUpdate();
            }
            for (String table : List.of("block_keys", "cluster_members")) {
                try (var st = c.prepareStatement("DELETE FROM " + table + " WHERE record_id = ?")) {
                    st.setString(1, recordId);
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<SourceRecord> sourceRecord(String recordId) {
        return current(List.of(recordId)).stream().map(Change::record).findFirst();
    }

    @Override
    public List<Change> changesSince(long afterSeq, int limit) {
        return changes("change_seq > ? ORDER BY change_seq, record_id LIMIT ?", afterSeq, limit);
    }

    @Override
    public List<Change> changesAfter(Change last, int limit) {
        return changes("(change_seq, record_id) > (?, ?) ORDER BY change_seq, record_id LIMIT ?",
                last.seq(), last.record().recordId(), limit);
    }

    @Override
    public List<Change> current(Collection<String> recordIds) {
        return db.read(c -> changes(c, "record_id = ANY (?)", PostgresRecordStore.texts(c, recordIds)));
    }

    private List<Change> changes(String where, Object... parameters) {
        return db.read(c -> changes(c, where, parameters));
    }

    private static List<Change> changes(java.sql.Connection c, String where, Object... parameters) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM source_records WHERE " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (var rs = st.executeQuery()) {
                var out = new ArrayList<Change>();
                while (rs.next()) {
                    out.add(new Change(rs.getLong("change_seq"), Rows.sourceRecord(rs)));
                }
                return out;
            }
        }
    }

    @Override
    public PublishedUnions published() {
        return new PostgresPublishedUnions(db);
    }

    @Override
    public ClusterTables clusters() {
        return new PostgresClusterTables(db);
    }

    /** Many ids as one parameter ({@code = ANY (?)}): one statement whatever their number. */
    static java.sql.Array texts(java.sql.Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    /** The one number a statement answers. */
    static Optional<Long> single(PreparedStatement st) throws SQLException {
        try (var rs = st.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
