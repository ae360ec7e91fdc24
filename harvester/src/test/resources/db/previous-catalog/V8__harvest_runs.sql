-- Every harvest run of a member: what kind, when, how it ended, what it changed, and its progress while it
-- runs (pages and records so far). A run still RUNNING when the hub starts was cut off (crash, kill -9):
-- the scheduler marks it INTERRUPTED and starts a run that resumes from the member's checkpoint.
CREATE TABLE harvest_runs (
    id           INTEGER PRIMARY KEY,
    library_id   TEXT NOT NULL REFERENCES libraries (id),
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
CREATE INDEX harvest_runs_by_library ON harvest_runs (library_id, id);
CREATE INDEX harvest_runs_by_status ON harvest_runs (status);
