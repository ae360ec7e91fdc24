-- ILL requests. The citation columns are written once, at creation, and never updated.
CREATE TABLE ill_requests (
    id                INTEGER PRIMARY KEY,
    union_record_id   TEXT NOT NULL,
    title             TEXT NOT NULL,
    author            TEXT,
    isbn              TEXT,
    holding_library   TEXT,
    holding_barcode   TEXT,
    service_type      TEXT NOT NULL CHECK (service_type IN ('LOAN', 'COPY')),
    -- pickup_kind HOME means home delivery; the address is personal data and lives in ill_patrons.
    pickup_kind       TEXT NOT NULL CHECK (pickup_kind IN ('BRANCH', 'KIOSK_24H', 'SMART_LOCKER', 'HOME')),
    pickup_library    TEXT,
    state             TEXT NOT NULL,
    version           INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX ill_requests_state ON ill_requests (state);

-- The reader behind a request, kept apart so it can be protected and purged on its own.
CREATE TABLE ill_patrons (
    request_id        INTEGER PRIMARY KEY REFERENCES ill_requests (id),
    card_number       TEXT NOT NULL,
    home_library      TEXT NOT NULL,
    delivery_address  TEXT
);

-- Append-only: one row per move; seq is the request's version after the move.
CREATE TABLE ill_events (
    request_id        INTEGER NOT NULL REFERENCES ill_requests (id),
    seq               INTEGER NOT NULL,
    at                TEXT NOT NULL,
    actor             TEXT NOT NULL,
    from_state        TEXT NOT NULL,
    to_state          TEXT NOT NULL,
    action            TEXT NOT NULL,
    note              TEXT,
    courier           TEXT,
    waybill           TEXT,
    slot              TEXT,
    hold_until        TEXT,
    due_at            TEXT,
    point_library     TEXT,
    point_kind        TEXT,
    PRIMARY KEY (request_id, seq)
);

CREATE TRIGGER ill_events_no_update BEFORE UPDATE ON ill_events
BEGIN
    SELECT RAISE(ABORT, 'ill_events is append-only: record a new event instead');
END;

CREATE TRIGGER ill_events_no_delete BEFORE DELETE ON ill_events
BEGIN
    SELECT RAISE(ABORT, 'ill_events is append-only: events are never deleted');
END;
