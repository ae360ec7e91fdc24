package org.tongjie.ill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed PIN sign-ins per card number (table {@code ill_sign_in_failures}): the first {@link #FREE} failures
 * cost nothing, each one after makes the card wait twice as long before its PIN is checked again (1 s, 2 s,
 * 4 s...), and the {@link #LOCK_AFTER}th locks it until its home library's desk unlocks it. An attempt while the
 * card waits is refused unchecked and counts as a failure, so guessing faster only locks sooner. Kept in the
 * database: a restart does not forgive.
 */
final class SignInFailures {
    static final int FREE = 5;
    static final int LOCK_AFTER = 10;

    private final Database db;
    private final Clock clock;

    record State(int failures, Instant lastFailure, boolean locked) {
        /** How long the card must still wait before its PIN is checked, zero if it need not. */
        Duration waitAt(Instant now) {
            if (failures < FREE) {
                return Duration.ZERO;
            }
            Duration backoff = Duration.ofSeconds(1L << Math.min(failures - FREE, 20));
            Duration left = Duration.between(now, lastFailure.plus(backoff));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    SignInFailures(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<State> of(String card) {
        return db.read(c -> {
            try (var st = c.prepareStatement(
                    "SELECT failures, last_failure_ms, locked_at FROM ill_sign_in_failures WHERE card_number = ?")) {
                st.setString(1, card);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new State(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3) != null)) : Optional.<State>empty();
                }
            }
        });
    }

    /** Counts one more failure (locking the card at {@link #LOCK_AFTER}); the card's failures so far. */
    int record(String card) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            try (var st = c.prepareStatement("""
                    INSERT INTO ill_sign_in_failures (card_number, failures, last_failure_ms, locked_at) VALUES (?, 1, ?, NULL)
                    ON CONFLICT (card_number) DO UPDATE SET failures = ill_sign_in_failures.failures + 1,
                      last_failure_ms = excluded.last_failure_ms,
                      locked_at = CASE WHEN ill_sign_in_failures.failures + 1 >= ? AND ill_sign_in_failures.locked_at IS NULL
                                       THEN ? ELSE ill_sign_in_failures.locked_at END
                    RETURNING failures""")) {
                st.setString(1, card);
                st.setLong(2, now.toEpochMilli());
                st.setInt(3, LOCK_AFTER);
                st.setString(4, now.toString());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Forgets the card's failures (a right PIN, a desk's unlock, a new registration); whether there were any. */
    boolean clear(String card) {
        return db.inTransaction(c -> {
            try (var st = c.prepareStatement("DELETE FROM ill_sign_in_failures WHERE card_number = ?")) {
                st.setString(1, card);
                return st.executeUpdate() > 0;
            }
        });
    }
}
