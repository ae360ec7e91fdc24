package org.tongjie.harvest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.tongjie.indexer.IngestReport;

/**
 * The harvester's own tables: where each member's harvest stands ({@link HarvestState}, the checkpoint a cut-off
 * run resumes from) and the run log ({@link HarvestRun}). They live in the data directory's database file
 * beside the catalogue's tables but with their own migrations ({@code db/harvester}, history table
 * {@value #HISTORY}); see the harvester's README for why one file.
 *
 * <p>A checkpoint is saved after the page it names has been committed to the catalogue, never before: a crash
 * in between resumes from the previous checkpoint, and the page's records come again and change nothing.
 */
public final class HarvestLog {
    static final String HISTORY = "flyway_harvester_history";
    /** The catalogue's database file in a data directory, which these tables share. */
    static final String DATABASE = "catalog.db";

    private final SQLiteDataSource dataSource;
    private final Clock clock;

    private HarvestLog(SQLiteDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Opens the log in a data directory, creating or migrating its tables. */
    public static HarvestLog open(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(DATABASE).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new HarvestLogException("cannot create the data directory " + file.getParent(), e);
        }
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        var ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        // The catalogue's tables may already be in the file: a baseline below V1 lets ours be added beside them.
        Flyway.configure().dataSource(ds).locations("classpath:db/harvester").table(HISTORY)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        return new HarvestLog(ds, clock);
    }

    /** Where the member's harvest stands; {@link HarvestState#fresh()} if it was never harvested. */
    public HarvestState state(String libraryId) {
        return run(c -> {
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

    public void saveState(String libraryId, HarvestState state) {
        run(c -> update(c, """
                INSERT INTO harvest_state (library_id, resume_token, run_started_at, next_from, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (library_id) DO UPDATE SET resume_token = excluded.resume_token,
                  run_started_at = excluded.run_started_at, next_from = excluded.next_from,
                  updated_at = excluded.updated_at""", libraryId, state.resumeToken().orElse(null),
                state.runStartedAt().map(Instant::toString).orElse(null),
                state.nextFrom().map(Instant::toString).orElse(null), clock.instant().toString()));
    }

    /** Records a run as started (status RUNNING) and returns its id. */
    public long startRun(String libraryId, String kind, String trigger) {
        String now = clock.instant().toString();
        return run(c -> {
            try (var st = bind(c.prepareStatement("""
                    INSERT INTO harvest_runs (library_id, kind, trigger, status, started_at, updated_at)
                    VALUES (?, ?, ?, 'RUNNING', ?, ?) RETURNING id"""), libraryId, kind, trigger, now, now);
                 var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A running run's progress: pages and records so far. */
    public void progress(long runId, long pages, long records) {
        run(c -> update(c, "UPDATE harvest_runs SET pages = ?, records = ?, updated_at = ? WHERE id = ?",
                pages, records, clock.instant().toString(), runId));
    }

    /** Ends a run as SUCCEEDED with what it changed. */
    public void succeeded(long runId, IngestReport report) {
        finish(runId, HarvestRun.Status.SUCCEEDED, report.accepted(), report.updated(), report.unchanged(),
                report.deleted(), report.quarantined(), null);
    }

    /** Ends a run as FAILED, saying why. */
    public void failed(long runId, String error) {
        finish(runId, HarvestRun.Status.FAILED, 0, 0, 0, 0, 0, error);
    }

    private void finish(long runId, HarvestRun.Status status, int added, int updated, int unchanged, int deleted,
            int quarantined, String error) {
        String now = clock.instant().toString();
        run(c -> update(c, """
                UPDATE harvest_runs SET status = ?, finished_at = ?, updated_at = ?, added = ?, updated = ?,
                  unchanged = ?, deleted = ?, quarantined = ?, error = ?
                WHERE id = ?""", status.name(), now, now, added, updated, unchanged, deleted, quarantined, error, runId));
    }

    /** A member's runs, newest first. */
    public List<HarvestRun> runs(String libraryId, int limit) {
        return queryRuns("SELECT * FROM harvest_runs WHERE library_id = ? ORDER BY id DESC LIMIT ?", libraryId, limit);
    }

    public Optional<HarvestRun> run(long runId) {
        return queryRuns("SELECT * FROM harvest_runs WHERE id = ?", runId).stream().findFirst();
    }

    /**
     * Marks every run still RUNNING as INTERRUPTED (the process that ran it is gone) and returns them, so the
     * caller can start runs that resume from the members' checkpoints.
     */
    public List<HarvestRun> interruptRunning() {
        List<HarvestRun> running = queryRuns("SELECT * FROM harvest_runs WHERE status = 'RUNNING' ORDER BY id");
        String now = clock.instant().toString();
        run(c -> update(c, """
                UPDATE harvest_runs SET status = 'INTERRUPTED', finished_at = ?, updated_at = ?,
                  error = 'cut off: the hub stopped while it ran' WHERE status = 'RUNNING'""", now, now));
        return running;
    }

    private List<HarvestRun> queryRuns(String sql, Object... values) {
        return run(c -> {
            try (var st = bind(c.prepareStatement(sql), values); var rs = st.executeQuery()) {
                var out = new ArrayList<HarvestRun>();
                while (rs.next()) {
                    out.add(harvestRun(rs));
                }
                return out;
            }
        });
    }

    private static HarvestRun harvestRun(ResultSet rs) throws SQLException {
        return new HarvestRun(rs.getLong("id"), rs.getString("library_id"), rs.getString("kind"),
                rs.getString("trigger"), HarvestRun.Status.valueOf(rs.getString("status")),
                Instant.parse(rs.getString("started_at")),
                Optional.ofNullable(rs.getString("finished_at")).map(Instant::parse),
                Instant.parse(rs.getString("updated_at")), rs.getLong("pages"), rs.getLong("records"),
                rs.getInt("added"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("deleted"),
                rs.getInt("quarantined"), Optional.ofNullable(rs.getString("error")));
    }

    private static PreparedStatement bind(PreparedStatement st, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            st.setObject(i + 1, values[i]);
        }
        return st;
    }

    private static Void update(Connection c, String sql, Object... values) throws SQLException {
        try (var st = bind(c.prepareStatement(sql), values)) {
            st.executeUpdate();
        }
        return null;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** One statement in its own connection: a page's checkpoint or a run's progress, a few a second at most. */
    private <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new HarvestLogException("the harvest log failed: " + e.getMessage(), e);
        }
    }

    /** The harvest log's database could not do what was asked. */
    public static final class HarvestLogException extends RuntimeException {
        HarvestLogException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
