-- Failed PIN sign-ins per card number, registered or not, so that an unknown card backs off and locks as a
-- registered one does and the answers tell nothing about which cards exist. The row goes on a successful
-- sign-in, a desk's unlock or the card's (re-)registration; locked_at set means locked until a desk unlocks.
CREATE TABLE ill_sign_in_failures (
    card_number      TEXT PRIMARY KEY,
    failures         INTEGER NOT NULL,
    last_failure_ms  BIGINT NOT NULL,
    locked_at        TEXT
);
