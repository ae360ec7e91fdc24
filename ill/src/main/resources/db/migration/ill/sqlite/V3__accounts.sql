-- Readers who may place requests: the PIN only as a salted PBKDF2 hash.
CREATE TABLE ill_readers (
    card_number     TEXT PRIMARY KEY,
    home_library    TEXT NOT NULL,
    pin_salt        TEXT NOT NULL,
    pin_hash        TEXT NOT NULL,
    pin_iterations  INTEGER NOT NULL
);

-- API keys of member staff (role STAFF, with their library) and network administrators (role ADMIN):
-- only the SHA-256 of each key is kept.
CREATE TABLE ill_api_keys (
    key_hash    TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('STAFF', 'ADMIN')),
    library_id  TEXT,
    label       TEXT NOT NULL
);
