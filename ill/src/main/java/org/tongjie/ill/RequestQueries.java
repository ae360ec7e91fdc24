package org.tongjie.ill;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Questions over many requests that the desk and the reader limits ask: holds queues, a reader's standing, search. */
final class RequestQueries {
    private static final String OPEN = "r.state NOT IN ('COMPLETED', 'CANCELLED', 'LOST')";

    private RequestQueries() {}

    /** The request's place in its title's holds queue (1 is next), or empty when it is not waiting. */
    static OptionalInt holdPosition(Connection c, IllRequest r) throws SQLException {
        if (r.state() != RequestState.ON_HOLD) {
            return OptionalInt.empty();
        }
        try (var st = c.prepareStatement(
                "SELECT COUNT(*) FROM ill_requests WHERE state = 'ON_HOLD' AND union_record_id = ? AND id <= ?")) {
            st.setString(1, r.citation().unionRecordId());
            st.setLong(2, r.id());
            try (var rs = st.executeQuery()) {
                rs.next();
                return OptionalInt.of(rs.getInt(1));
            }
        }
    }

    /** The first request in the title's holds queue. */
    static Optional<IllRequest> firstHold(Connection c, String unionRecordId) throws SQLException {
        try (var st = c.prepareStatement(Rows.SELECT_REQUEST
                + " WHERE r.state = 'ON_HOLD' AND r.union_record_id = ? ORDER BY r.id LIMIT 1")) {
            st.setString(1, unionRecordId);
            List<IllRequest> found = IllStore.requests(st);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
        }
    }

    /** A reader's open requests, newest first. */
    static List<IllRequest> openOf(Connection c, Reader reader) throws SQLException {
        try (var st = c.prepareStatement(Rows.SELECT_REQUEST + " WHERE p.card_number = ? AND p.home_library = ? AND "
                + OPEN + " ORDER BY r.id DESC")) {
            st.setString(1, reader.cardNumber());
            st.setString(2, reader.homeLibraryId());
            return IllStore.requests(st);
        }
    }

    /**
     * Requests whose number, reader card, title or a copy's barcode (asked for, on the rota, or moved for it)
     * is {@code q}; titles match on any part. Newest first, at most {@code limit}.
     */
    static List<IllRequest> search(Connection c, String q, int limit) throws SQLException {
        String sql = Rows.SELECT_REQUEST + """
                 WHERE CAST(r.id AS TEXT) = ? OR p.card_number = ? OR r.holding_barcode = ?
                  OR LOWER(r.title) LIKE ? OR LOWER(COALESCE(r.volume, '')) LIKE ?
                  OR r.id IN (SELECT request_id FROM ill_rota WHERE barcode = ?)
                  OR r.id IN (SELECT request_id FROM ill_copy_events WHERE barcode = ? AND request_id IS NOT NULL)
                ORDER BY r.id DESC LIMIT ?""";
        String like = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "") + "%";
        try (var st = c.prepareStatement(sql)) {
            st.setString(1, q);
            st.setString(2, q);
            st.setString(3, q);
            st.setString(4, like);
            st.setString(5, like);
            st.setString(6, q);
            st.setString(7, q);
            st.setInt(8, limit);
            return IllStore.requests(st);
        }
    }
}
