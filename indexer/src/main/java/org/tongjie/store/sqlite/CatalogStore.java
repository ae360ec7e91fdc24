package org.tongjie.store.sqlite;

import org.tongjie.store.Change;
import org.tongjie.store.ClusterTables;
import org.tongjie.store.IngestBatch;
import org.tongjie.store.PublishedUnions;
import org.tongjie.store.QuarantinedRecord;
import org.tongjie.store.RecordStore;
import org.tongjie.store.StoreException;
import org.tongjie.store.jdbc.Rows;
import org.tongjie.store.jdbc.Transactions;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.SourceRecord;

/**
 * The {@link RecordStore} in an embedded SQLite database (one file, WAL mode, migrated by Flyway from
 * {@code db/migration/sqlite}). Writes are serialised (SQLite has one writer), and each write transaction takes
 * the next change number, so the index can follow the store by asking for changes after the last
 * number it saw.
 */
public final class CatalogStore implements RecordStore {
    /**
     * Connections kept open: opening a SQLite connection reads the schema and sets its pragmas again, which
     * costs more than a one-record read. In WAL mode readers run side by side; writers take {@link #write}'s lock.
     */
    private static final int POOL_SIZE = 8;
    /** A quarantined record's id is shown cut to this many characters: the id may be why it is there. */
    private static final int SHOWN_ID = 200;
    private final Transactions db;

    private CatalogStore(HikariDataSource dataSource) {
        this.db = new Transactions(dataSource);
    }

    /** Opens (creating if needed) the embedded SQLite database and brings its schema up to date. */
    public static CatalogStore openSqlite(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the directory for the database " + file, e);
        }
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        config.enforceForeignKeys(true);
        var ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        // V3 and V8 (harvest state and runs) moved to the harvester's own migrations in the same file: data
        // directories that ran them keep their rows, and they are no longer ours to resolve. The harvester may
        // have made its tables first in a new file, hence a baseline below V1.
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite")
                .ignoreMigrationPatterns("*:missing").baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        var pool = new HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("catalog " + file.toAbsolutePath());
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        return new CatalogStore(new HikariDataSource(pool));
    }

    @Override
    public void saveLibrary(Library library) {
        write(c -> {
            Rows.saveLibrary(c, library);
            return null;
        });
    }

    @Override
    public List<Library> libraries() {
        return read(Rows::libraries);
    }

    /** Starts an ingest batch for a member, adding to its records or replacing them all. */
    @Override
    public IngestBatch beginBatch(String libraryId, String origin, Instant now, IngestBatch.Mode mode) {
        return new SqliteBatch(db, write(c -> Rows.beginBatch(c, libraryId, origin, now, mode)), libraryId, mode);
    }

    /**
     * The member's unfinished batch {@code batchId} again, to go on staging into it (a full-replace harvest
     * restarted from its checkpoint); empty if it is not the member's, or already finished.
     */
    @Override
    public Optional<IngestBatch> resumeBatch(String libraryId, long batchId) {
        return read(c -> Rows.unfinishedBatch(c, libraryId, batchId))
                .map(mode -> new SqliteBatch(db, batchId, libraryId, mode));
    }

    /**
     * Drops the staged records of full-replace uploads that never finished (the sender went away) and
     * started before {@code before}; an upload cannot be resumed, its sender sends the file again.
     */
    @Override
    public int dropAbandonedStaging(Instant before) {
        return write(c -> Rows.dropAbandonedStaging(c, before));
    }

    @Override
    public List<QuarantinedRecord> quarantine(String libraryId, long batchId) {
        return queryQuarantine("SELECT * FROM quarantine WHERE library_id = ? AND batch_id = ? ORDER BY position",
                st -> {
                    st.setString(1, libraryId);
                    st.setLong(2, batchId);
                });
    }

    /** A member's quarantine, newest batch first, a page at a time. */
    @Override
    public List<QuarantinedRecord> quarantine(String libraryId, int offset, int limit) {
        return queryQuarantine("""
                SELECT * FROM quarantine WHERE library_id = ? ORDER BY batch_id DESC, position LIMIT ? OFFSET ?""",
                st -> {
                    st.setString(1, libraryId);
                    st.setInt(2, limit);
                    st.setInt(3, offset);
                });
    }

    @Override
    public long quarantineCount(String libraryId) {
        return read(c -> {
            try (var st = c.prepareStatement("SELECT COUNT(*) FROM quarantine WHERE library_id = ?")) {
                st.setString(1, libraryId);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<QuarantinedRecord> quarantined(String libraryId, long id) {
        return queryQuarantine("SELECT * FROM quarantine WHERE library_id = ? AND id = ?", st -> {
            st.setString(1, libraryId);
            st.setLong(2, id);
        }).stream().findFirst();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private List<QuarantinedRecord> queryQuarantine(String sql, Binder binder) {
        return read(c -> {
            try (var st = c.prepareStatement(sql)) {
                binder.bind(st);
                return Rows.quarantined(st);
            }
        });
    }

    @Override
    public void quarantineStored(String recordId, String reason, Instant at) {
        write(c -> {
            String libraryId;
            String localId;
            byte[] raw;
            try (var st = c.prepareStatement("SELECT library_id, local_id, raw FROM source_records WHERE record_id = ?")) {
                st.setString(1, recordId);
                try (var rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    libraryId = rs.getString(1);
                    localId = rs.getString(2);
                    raw = rs.getBytes(3);
                }
            }
            long batchId;
            try (var st = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM ingest_batches WHERE library_id = ?")) {
                st.setString(1, libraryId);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    batchId = rs.getLong(1);
                }
            }
            if (batchId == 0) {
                throw new IllegalStateException("record " + recordId + " has no ingest batch of " + libraryId + " to be quarantined in");
            }
            try (var st = c.prepareStatement("""
                    INSERT INTO quarantine (batch_id, library_id, position, source_id, reason, raw, received_at)
                    VALUES (?, ?, 0, ?, ?, ?, ?)""")) {
                st.setLong(1, batchId);
                st.setString(2, libraryId);
                st.setString(3, localId.length() > SHOWN_ID ? localId.substring(0, SHOWN_ID) + "…" : localId);
                st.setString(4, reason);
                st.setBytes(5, raw);
                st.setString(6, at.toString());
                st.executeUpdate();
            }
            try (var st = c.prepareStatement("UPDATE ingest_batches SET quarantined = quarantined + 1 WHERE id = ?")) {
                st.setLong(1, batchId);
                st.executeUpdate();
            }
            for (String table : List.of("source_records", "block_keys", "cluster_members")) {
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
        return read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM source_records WHERE record_id = ?")) {
                st.setString(1, recordId);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(Rows.sourceRecord(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * At most {@code limit} changes after {@code afterSeq}, in change order and by record id within a change
     * number: one change number can cover more records than a limit (a full replace gives all of a
     * member's records one), so reading on goes from the last change read ({@link #changesAfter}).
     */
    @Override
    public List<Change> changesSince(long afterSeq, int limit) {
        return changes("change_seq > ?", limit, st -> {
            st.setLong(1, afterSeq);
            return 2;
        });
    }

    /** At most {@code limit} changes after {@code last}, in the order of {@link #changesSince}. */
    @Override
    public List<Change> changesAfter(Change last, int limit) {
        return changes("(change_seq, record_id) > (?, ?)", limit, st -> {
            st.setLong(1, last.seq());
            st.setString(2, last.record().recordId());
            return 3;
        });
    }

    /** Sets the parameters of the condition; the number of the next one, the limit's. */
    private interface Parameters {
        int set(java.sql.PreparedStatement st) throws SQLException;
    }

    private List<Change> changes(String after, int limit, Parameters parameters) {
        return read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM source_records WHERE " + after
                    + " ORDER BY change_seq, record_id LIMIT ?")) {
                st.setInt(parameters.set(st), limit);
                try (var rs = st.executeQuery()) {
                    var out = new ArrayList<Change>();
                    while (rs.next()) {
                        out.add(new Change(rs.getLong("change_seq"), Rows.sourceRecord(rs)));
                    }
                    return out;
                }
            }
        });
    }

    /** The records with these ids as they now stand, each with the number of its last change. */
    @Override
    public List<Change> current(java.util.Collection<String> recordIds) {
        var out = new ArrayList<Change>();
        read(c -> {
            InLists.query(c, "SELECT * FROM source_records WHERE record_id IN ", recordIds,
                    rs -> out.add(new Change(rs.getLong("change_seq"), Rows.sourceRecord(rs))));
            return null;
        });
        return out;
    }

    /** The union records as the OAI-PMH provider publishes them. */
    @Override
    public PublishedUnions published() {
        return new SqlitePublishedUnions(this);
    }

    /** The union records' tables in this store. */
    @Override
    public ClusterTables clusters() {
        return new SqliteClusterTables(this);
    }

    /** Runs one write transaction; no other writer runs meanwhile, so change numbers commit in order. */
    <T> T write(Transactions.Work<T> work) {
        return db.write(work);
    }

    <T> T read(Transactions.Work<T> work) {
        return db.read(work);
    }

    @Override
    public void close() {
        db.close();
    }
}
