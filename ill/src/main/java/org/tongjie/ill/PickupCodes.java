package org.tongjie.ill;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The code a reader types at a smart locker to open the slot: six random digits, issued when the copy is
 * put in, shown to the reader only, checked when the loan is recorded at the locker.
 */
final class PickupCodes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PickupCodes() {}

    static void issue(Connection c, long requestId) throws SQLException {
        try (var st = c.prepareStatement("UPDATE ill_requests SET pickup_code = ? WHERE id = ?")) {
            st.setString(1, String.format(java.util.Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000)));
            st.setLong(2, requestId);
            st.executeUpdate();
        }
    }

    static Optional<String> of(Connection c, long requestId) throws SQLException {
        try (var st = c.prepareStatement("SELECT pickup_code FROM ill_requests WHERE id = ?")) {
            st.setLong(1, requestId);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
