-- The member directory, every source record exactly as sent, and what could not be read.
CREATE TABLE libraries (
    id         TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    parent_id  TEXT REFERENCES libraries (id),
    address    TEXT NOT NULL,
    latitude   REAL,
    longitude  REAL
);

-- One row; every write transaction takes the next value, and the index follows these numbers.
CREATE TABLE change_counter (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

CREATE TABLE source_records (
    record_id   TEXT PRIMARY KEY,
    library_id  TEXT NOT NULL REFERENCES libraries (id),
    local_id    TEXT NOT NULL,
    syntax      TEXT NOT NULL,
    raw         BLOB NOT NULL,
    datestamp   TEXT NOT NULL,
    deleted     INTEGER NOT NULL,
    change_seq  BIGINT NOT NULL,
    UNIQUE (library_id, local_id)
);
CREATE INDEX source_records_by_change ON source_records (change_seq);

CREATE TABLE ingest_batches (
    id           INTEGER PRIMARY KEY,
    library_id   TEXT NOT NULL REFERENCES libraries (id),
    origin       TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    accepted     INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0,
    quarantined  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE quarantine (
    id           INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES ingest_batches (id),
    library_id   TEXT NOT NULL REFERENCES libraries (id),
    position     BIGINT NOT NULL,
    source_id    TEXT,
    reason       TEXT NOT NULL,
    raw          BLOB NOT NULL,
    received_at  TEXT NOT NULL
);
CREATE INDEX quarantine_by_library ON quarantine (library_id, batch_id);
