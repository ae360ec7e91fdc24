-- Union records. block_keys and cluster_members are derived from the source records and rebuilt with the
-- index; cluster_overrides are staff decisions, kept across rebuilds and re-harvests.
CREATE TABLE block_keys (
    block_key  TEXT COLLATE "C" NOT NULL,
    record_id  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (block_key, record_id)
);
CREATE INDEX block_keys_by_record ON block_keys (record_id);

CREATE TABLE cluster_members (
    record_id     TEXT COLLATE "C" PRIMARY KEY,
    cluster_id    TEXT COLLATE "C" NOT NULL,
    rule          TEXT,
    matched_with  TEXT
);
CREATE INDEX cluster_members_by_cluster ON cluster_members (cluster_id);

-- One decision per pair of records, record_a < record_b; a newer decision on a pair replaces the older.
CREATE TABLE cluster_overrides (
    record_a    TEXT COLLATE "C" NOT NULL,
    record_b    TEXT COLLATE "C" NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('MERGE', 'SPLIT')),
    actor       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (record_a, record_b)
);
CREATE INDEX cluster_overrides_by_b ON cluster_overrides (record_b);
