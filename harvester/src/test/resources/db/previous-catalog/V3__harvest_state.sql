-- Where each member's harvest stands: the resumption token of the last page stored (to resume a run
-- cut off part-way), when the run under way started, and the datestamp the next incremental run starts from.
CREATE TABLE harvest_state (
    library_id      TEXT PRIMARY KEY REFERENCES libraries (id),
    resume_token    TEXT,
    run_started_at  TEXT,
    next_from       TEXT,
    updated_at      TEXT NOT NULL
);
