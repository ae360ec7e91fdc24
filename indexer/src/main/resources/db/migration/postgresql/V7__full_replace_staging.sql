-- Full-replace ingests: an upload or harvest whose records replace all of the member's. Its records are
-- staged here as they stream in, in short transactions, and applied in one transaction at the end together
-- with the deletion of every record the member no longer sends; a run cut off before that leaves the
-- member's records as they were.
ALTER TABLE ingest_batches ADD COLUMN mode TEXT NOT NULL DEFAULT 'INCREMENTAL';

CREATE TABLE staged_records (
    batch_id    BIGINT NOT NULL REFERENCES ingest_batches (id),
    record_id   TEXT COLLATE "C" NOT NULL,
    library_id  TEXT COLLATE "C" NOT NULL,
    local_id    TEXT COLLATE "C" NOT NULL,
    syntax      TEXT NOT NULL,
    raw         BYTEA NOT NULL,
    datestamp   TEXT COLLATE "C" NOT NULL,
    deleted     INTEGER NOT NULL,
    PRIMARY KEY (batch_id, record_id)
);
