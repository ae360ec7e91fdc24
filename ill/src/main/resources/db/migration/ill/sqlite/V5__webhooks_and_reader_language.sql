-- Webhooks of member libraries: each request event of the library is POSTed to url as JSON, signed with
-- HMAC-SHA256 under secret. The secret is kept as issued, not hashed: the hub needs it to sign.
CREATE TABLE ill_webhooks (
    id          INTEGER PRIMARY KEY,
    library_id  TEXT NOT NULL,
    url         TEXT NOT NULL,
    secret      TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX ill_webhooks_library ON ill_webhooks (library_id);

-- The language of a reader's notices: zh (the default) or en.
ALTER TABLE ill_readers ADD COLUMN language TEXT NOT NULL DEFAULT 'zh';
