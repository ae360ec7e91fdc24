-- A member library's ILL settings: whether it lends now, its quota of open lending requests (NULL: none)
-- and its lending policy, in seconds. A library without a row lends, without a quota, by the default policy.
CREATE TABLE ill_library_settings (
    library_id        TEXT PRIMARY KEY,
    lending           INTEGER NOT NULL,
    quota             INTEGER,
    loan_seconds      BIGINT NOT NULL,
    max_renewals      INTEGER NOT NULL,
    renewal_seconds   BIGINT NOT NULL,
    recall_seconds    BIGINT NOT NULL,
    hold_seconds      BIGINT NOT NULL,
    response_seconds  BIGINT NOT NULL,
    updated_by        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
