-- External ILL agencies (ISO 18626 requesting agencies) the network lends to, registered by the network
-- administrator. symbol is agencyIdType:agencyIdValue (e.g. ISIL:CN-310000-SH). Only the SHA-256 of the
-- shared secret (requestingAgencyAuthentication/securityCode) is kept.
CREATE TABLE ill_agencies (
    symbol            TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    callback_url      TEXT NOT NULL,
    account_id        TEXT NOT NULL,
    secret_hash       TEXT NOT NULL,
    delivery_address  TEXT NOT NULL
);

-- Which hub request answers which agency's request: one per requestingAgencyRequestId, so a repeated
-- request is recognised.
CREATE TABLE ill_agency_requests (
    agency_symbol      TEXT NOT NULL REFERENCES ill_agencies (symbol),
    agency_request_id  TEXT NOT NULL,
    request_id         INTEGER NOT NULL UNIQUE REFERENCES ill_requests (id),
    PRIMARY KEY (agency_symbol, agency_request_id)
);

-- Messages a transition sends (ISO 18626 to agencies, webhooks to members), written in the transition's
-- own transaction and delivered afterwards, in id order per channel and target, with retries.
CREATE TABLE ill_outbox (
    id               INTEGER PRIMARY KEY,
    channel          TEXT NOT NULL,
    target           TEXT NOT NULL,
    request_id       INTEGER NOT NULL REFERENCES ill_requests (id),
    content_type     TEXT NOT NULL,
    payload          TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms  BIGINT NOT NULL,
    delivered_at     TEXT,
    outcome          TEXT
);
CREATE INDEX ill_outbox_pending ON ill_outbox (channel, target, delivered_at, id);
