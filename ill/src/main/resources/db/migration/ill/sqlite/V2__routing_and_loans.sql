-- Routing: the lender each ROUTE chose and the answer deadline each SEND_TO_LENDER set.
ALTER TABLE ill_events ADD COLUMN lender_library TEXT;
ALTER TABLE ill_events ADD COLUMN rota_position INTEGER;
ALTER TABLE ill_events ADD COLUMN respond_by TEXT;

-- Where a request stands besides its state, derived from its events in the same transaction, so that
-- queues and the scheduled jobs (late lenders, pickup expiry, overdue) are plain indexed queries.
-- Times are epoch milliseconds.
ALTER TABLE ill_requests ADD COLUMN lender_library TEXT;
ALTER TABLE ill_requests ADD COLUMN rota_position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ill_requests ADD COLUMN respond_by_ms BIGINT;
ALTER TABLE ill_requests ADD COLUMN hold_until_ms BIGINT;
ALTER TABLE ill_requests ADD COLUMN due_ms BIGINT;
ALTER TABLE ill_requests ADD COLUMN renewals INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ill_requests ADD COLUMN returned_at_library TEXT;
CREATE INDEX ill_requests_lender ON ill_requests (lender_library, state);
CREATE INDEX ill_requests_pickup ON ill_requests (pickup_library, state);

-- The rota: lenders in the order routing chose them, then the copies it skipped, each with its reason.
-- Status and outcome change as lenders answer; the history of those answers is in ill_events.
CREATE TABLE ill_rota (
    request_id     INTEGER NOT NULL REFERENCES ill_requests (id),
    position       INTEGER NOT NULL,
    library_id     TEXT NOT NULL,
    service_point  TEXT NOT NULL,
    barcode        TEXT,
    location       TEXT,
    call_number    TEXT,
    status         TEXT NOT NULL,
    reason         TEXT NOT NULL,
    outcome        TEXT,
    PRIMARY KEY (request_id, position)
);
