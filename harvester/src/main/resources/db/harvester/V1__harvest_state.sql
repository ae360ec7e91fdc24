-- The harvester's own tables, in the catalogue's database file with their own migration history
-- (flyway_harvester_history). Data directories made before the harvester had its own schema already hold
-- both tables (the catalogue's former migrations V3 and V8 made them, with the same columns), and keep them
-- with their rows: hence IF NOT EXISTS.

-- Where each member's harvest stands: the resumption token of the last page stored (to resume a run
-- cut off part-way), when the run under way started, and the datestamp the next incremental run starts from.
CREATE TABLE IF NOT EXISTS harvest_state (
    library_id      TEXT PRIMARY KEY,
    resume_token    TEXT,
    run_started_at  TEXT,
    next_from       TEXT,
    updated_at      TEXT NOT NULL
);

-- Every harvest run of a member: what kind, when, how it ended, what it changed, and its progress while it
-- runs (pages and records so far). A run still RUNNING when the hub starts was cut off (crash, kill -9):
-- the scheduler marks it INTERRUPTED and starts a run that resumes from the member's checkpoint.
CREATE TABLE IF NOT EXISTS harvest_runs (
    id           INTEGER PRIMARY KEY,
    library_id   TEXT NOT NULL,
    kind         TEXT NOT NULL,
    trigger      TEXT NOT NULL,
    status       TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    updated_at   TEXT NOT NULL,
    pages        INTEGER NOT NULL DEFAULT 0,
    records      INTEGER NOT NULL DEFAULT 0,
    added        INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0,
    quarantined  INTEGER NOT NULL DEFAULT 0,
    error        TEXT
);
CREATE INDEX IF NOT EXISTS harvest_runs_by_library ON harvest_runs (library_id, id);
CREATE INDEX IF NOT EXISTS harvest_runs_by_status ON harvest_runs (status);
