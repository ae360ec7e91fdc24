-- What the OAI-PMH provider serves: every union record ever published, when it last changed as harvesters
-- see it, and whether it is gone (a tombstone: its members joined another union record or were deleted).
-- A change is staged (pending = 1) while the index is written and gets its datestamp once the index has
-- committed it, so no harvester is handed a datestamp older than the moment it could see the change.
CREATE TABLE published_unions (
    union_id        TEXT COLLATE "C" PRIMARY KEY,
    datestamp       TEXT COLLATE "C",  -- UTC at second granularity (2026-01-02T03:04:05Z); NULL until first published
    deleted         INTEGER NOT NULL,  -- as published
    staged_deleted  INTEGER NOT NULL,  -- as staged, published with the next datestamp
    libraries       TEXT COLLATE "C" NOT NULL,  -- ' lib-a lib-b ': who holds it (for a tombstone, who last held it)
    fingerprint     TEXT NOT NULL,     -- of the content served: a new fingerprint is a new datestamp
    pending         INTEGER NOT NULL
);
CREATE INDEX published_unions_by_datestamp ON published_unions (datestamp, union_id);
CREATE INDEX published_unions_pending ON published_unions (pending) WHERE pending = 1;

-- The source records in each published union record: which union records a change can make disappear.
CREATE TABLE published_members (
    record_id  TEXT COLLATE "C" PRIMARY KEY,
    union_id   TEXT COLLATE "C" NOT NULL
);
CREATE INDEX published_members_by_union ON published_members (union_id);
