-- Copies, not just requests: one row per copy (owner library, barcode) that ILL has touched; a copy without
-- a row is on its owner's shelf. The state is the one the whole network sees; request_id is the request the
-- copy is promised to or lent for. shelf_library is where the copy sits or belongs now: its owner, or the
-- library it floated to. place is the destination, slot or reader's library; until_ms the hold or due date.
CREATE TABLE ill_copies (
    library_id       TEXT NOT NULL,
    barcode          TEXT NOT NULL,
    union_record_id  TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('ON_SHELF', 'RESERVED', 'IN_TRANSIT', 'ON_HOLD_SHELF',
                                                    'IN_LOCKER', 'ON_LOAN', 'IN_TRANSIT_HOME', 'MISSING')),
    request_id       INTEGER,
    shelf_library    TEXT NOT NULL,
    place            TEXT,
    until_ms         BIGINT,
    version          INTEGER NOT NULL,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (library_id, barcode)
);
-- A request holds at most one copy at a time (a copy is promised to at most one request by the key above).
CREATE UNIQUE INDEX ill_copies_request ON ill_copies (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX ill_copies_barcode ON ill_copies (barcode);
CREATE INDEX ill_copies_record ON ill_copies (union_record_id, state);

-- Append-only: every move of a copy; seq is the copy's version after the move.
CREATE TABLE ill_copy_events (
    library_id     TEXT NOT NULL,
    barcode        TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    from_state     TEXT NOT NULL,
    to_state       TEXT NOT NULL,
    request_id     INTEGER,
    shelf_library  TEXT NOT NULL,
    place          TEXT,
    until_ms       BIGINT,
    courier        TEXT,
    waybill        TEXT,
    note           TEXT,
    PRIMARY KEY (library_id, barcode, seq)
);
CREATE INDEX ill_copy_events_request ON ill_copy_events (request_id);

-- The volume of the citation (245 $n/$p), and a smart locker's pickup code.
ALTER TABLE ill_requests ADD COLUMN volume TEXT;
ALTER TABLE ill_requests ADD COLUMN pickup_code TEXT;
CREATE INDEX ill_requests_record ON ill_requests (union_record_id, state);

-- Reader limits and return-anywhere in each member's policy: most open requests per reader, whether its
-- copies float (stay where they are returned) instead of going home.
ALTER TABLE ill_library_settings ADD COLUMN max_open_requests INTEGER;
ALTER TABLE ill_library_settings ADD COLUMN floating INTEGER;
