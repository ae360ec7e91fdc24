package org.tongjie.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.HarvestState;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.LiveTarget;
import org.tongjie.catalog.RecordSyntax;
import org.tongjie.catalog.SourceRecord;

/**
 * The hub's record of truth: the member directory, every source record as it was sent, ingest batches
 * and the quarantine. Writes are serialised (SQLite has one writer), and each write transaction takes
 * the next change number, so the index can follow the store by asking for changes after the last
 * number it saw.
 */
public final class CatalogStore {
    private final DataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock();

    private CatalogStore(DataSource dataSource) {
        this.dataSource = dataSource;
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
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite").load().migrate();
        return new CatalogStore(ds);
    }

    public void saveLibrary(Library library) {
        write(c -> {
            try (var st = c.prepareStatement("""
                    INSERT INTO libraries (id, name_zh, name_en, kind, parent_id, address, latitude, longitude,
                      holdings_mapping, live_target)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                      kind = excluded.kind, parent_id = excluded.parent_id, address = excluded.address,
                      latitude = excluded.latitude, longitude = excluded.longitude,
                      holdings_mapping = excluded.holdings_mapping, live_target = excluded.live_target""")) {
                st.setString(1, library.id());
                st.setString(2, library.nameZh());
                st.setString(3, library.nameEn());
                st.setString(4, library.kind().name());
                st.setString(5, library.parentId().orElse(null));
                st.setString(6, library.address());
                setNullableDouble(st, 7, library.coordinates().map(Coordinates::latitude));
                setNullableDouble(st, 8, library.coordinates().map(Coordinates::longitude));
                st.setString(9, library.holdingsMapping().map(HoldingsMapping::spec).orElse(null));
                st.setString(10, library.liveTarget().map(LiveTarget::spec).orElse(null));
                st.executeUpdate();
            }
            return null;
        });
    }

    public List<Library> libraries() {
        return read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM libraries ORDER BY id"); var rs = st.executeQuery()) {
                var out = new ArrayList<Library>();
                while (rs.next()) {
                    out.add(library(rs));
                }
                return out;
            }
        });
    }

    private static Library library(ResultSet rs) throws SQLException {
        double lat = rs.getDouble("latitude");
        Optional<Coordinates> coordinates = rs.wasNull() ? Optional.empty()
                : Optional.of(new Coordinates(lat, rs.getDouble("longitude")));
        return new Library(rs.getString("id"), rs.getString("name_zh"), rs.getString("name_en"),
                LibraryKind.valueOf(rs.getString("kind")), Optional.ofNullable(rs.getString("parent_id")),
                rs.getString("address"), coordinates,
                Optional.ofNullable(rs.getString("holdings_mapping")).map(HoldingsMapping::parse),
                Optional.ofNullable(rs.getString("live_target")).map(LiveTarget::parse));
    }

    /** Starts an ingest batch for a member; its records are written in transactions of a few hundred. */
    public IngestBatch beginBatch(String libraryId, String origin, Instant now) {
        long id = write(c -> {
            try (var st = c.prepareStatement(
                    "INSERT INTO ingest_batches (library_id, origin, started_at) VALUES (?, ?, ?) RETURNING id")) {
                st.setString(1, libraryId);
                st.setString(2, origin);
                st.setString(3, now.toString());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new IngestBatch(this, id, libraryId);
    }

    public List<QuarantinedRecord> quarantine(String libraryId, long batchId) {
        return queryQuarantine("SELECT * FROM quarantine WHERE library_id = ? AND batch_id = ? ORDER BY position",
                st -> {
                    st.setString(1, libraryId);
                    st.setLong(2, batchId);
                });
    }

    /** A member's quarantine, newest batch first, a page at a time. */
    public List<QuarantinedRecord> quarantine(String libraryId, int offset, int limit) {
        return queryQuarantine("""
                SELECT * FROM quarantine WHERE library_id = ? ORDER BY batch_id DESC, position LIMIT ? OFFSET ?""",
                st -> {
                    st.setString(1, libraryId);
                    st.setInt(2, limit);
                    st.setInt(3, offset);
                });
    }

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
                try (var rs = st.executeQuery()) {
                    var out = new ArrayList<QuarantinedRecord>();
                    while (rs.next()) {
                        out.add(new QuarantinedRecord(rs.getLong("id"), rs.getLong("batch_id"), rs.getString("library_id"),
                                rs.getLong("position"), Optional.ofNullable(rs.getString("source_id")),
                                rs.getString("reason"), rs.getBytes("raw"), Instant.parse(rs.getString("received_at"))));
                    }
                    return out;
                }
            }
        });
    }

    public Optional<SourceRecord> sourceRecord(String recordId) {
        return read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM source_records WHERE record_id = ?")) {
                st.setString(1, recordId);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(sourceRecord(rs)) : Optional.empty();
                }
            }
        });
    }

    public HarvestState harvestState(String libraryId) {
        return read(c -> {
            try (var st = c.prepareStatement("SELECT resume_token, run_started_at, next_from FROM harvest_state WHERE library_id = ?")) {
                st.setString(1, libraryId);
                try (var rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return HarvestState.fresh();
                    }
                    return new HarvestState(Optional.ofNullable(rs.getString("resume_token")),
                            Optional.ofNullable(rs.getString("run_started_at")).map(Instant::parse),
                            Optional.ofNullable(rs.getString("next_from")).map(Instant::parse));
                }
            }
        });
    }

    public void saveHarvestState(String libraryId, HarvestState state, Instant now) {
        write(c -> {
            try (var st = c.prepareStatement("""
                    INSERT INTO harvest_state (library_id, resume_token, run_started_at, next_from, updated_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (library_id) DO UPDATE SET resume_token = excluded.resume_token,
                      run_started_at = excluded.run_started_at, next_from = excluded.next_from,
                      updated_at = excluded.updated_at""")) {
                st.setString(1, libraryId);
                st.setString(2, state.resumeToken().orElse(null));
                st.setString(3, state.runStartedAt().map(Instant::toString).orElse(null));
                st.setString(4, state.nextFrom().map(Instant::toString).orElse(null));
                st.setString(5, now.toString());
                st.executeUpdate();
            }
            return null;
        });
    }

    /** A change the index has not seen: the record as it now stands, and the change number it came with. */
    public record Change(long seq, SourceRecord record) {}

    /** At most {@code limit} changes after {@code afterSeq}, in change order. */
    public List<Change> changesSince(long afterSeq, int limit) {
        return read(c -> {
            try (var st = c.prepareStatement(
                    "SELECT * FROM source_records WHERE change_seq > ? ORDER BY change_seq LIMIT ?")) {
                st.setLong(1, afterSeq);
                st.setInt(2, limit);
                try (var rs = st.executeQuery()) {
                    var out = new ArrayList<Change>();
                    while (rs.next()) {
                        out.add(new Change(rs.getLong("change_seq"), sourceRecord(rs)));
                    }
                    return out;
                }
            }
        });
    }

    /** The records with these ids as they now stand, each with the number of its last change. */
    public List<Change> current(java.util.Collection<String> recordIds) {
        var out = new ArrayList<Change>();
        read(c -> {
            InLists.query(c, "SELECT * FROM source_records WHERE record_id IN ", recordIds,
                    rs -> out.add(new Change(rs.getLong("change_seq"), sourceRecord(rs))));
            return null;
        });
        return out;
    }

    /** The union records' tables in this store. */
    public ClusterTables clusters() {
        return new ClusterTables(this);
    }

    static SourceRecord sourceRecord(ResultSet rs) throws SQLException {
        return new SourceRecord(rs.getString("library_id"), rs.getString("local_id"),
                RecordSyntax.valueOf(rs.getString("syntax")), rs.getBytes("raw"),
                Instant.parse(rs.getString("datestamp")), rs.getInt("deleted") != 0);
    }

    private static void setNullableDouble(PreparedStatement st, int index, Optional<Double> value) throws SQLException {
        if (value.isPresent()) {
            st.setDouble(index, value.get());
        } else {
            st.setNull(index, java.sql.Types.REAL);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws Exception;
    }

    /** Runs one write transaction; no other writer runs meanwhile, so change numbers commit in order. */
    <T> T write(SqlWork<T> work) {
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

    <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    static long nextChangeSeq(Connection c) throws SQLException {
        try (var st = c.prepareStatement("UPDATE change_counter SET value = value + 1 RETURNING value");
             var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
