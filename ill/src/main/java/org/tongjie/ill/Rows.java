package org.tongjie.ill;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Maps rows to records and back; the one place that knows the column names. */
final class Rows {
    private Rows() {}

    static final String SELECT_REQUEST = """
            SELECT r.*, p.card_number, p.home_library, p.delivery_address
            FROM ill_requests r JOIN ill_patrons p ON p.request_id = r.id""";

    static IllRequest request(ResultSet rs) throws SQLException {
        var holding = Optional.ofNullable(rs.getString("holding_library"))
                .map(library -> new Citation.Holding(library, string(rs, "holding_barcode")));
        var citation = new Citation(rs.getString("union_record_id"), rs.getString("title"),
                Optional.ofNullable(rs.getString("author")), Optional.ofNullable(rs.getString("isbn")), holding,
                Optional.ofNullable(rs.getString("volume")));
        var reader = new Reader(rs.getString("card_number"), rs.getString("home_library"));
        String kind = rs.getString("pickup_kind");
        Pickup pickup = kind.equals("HOME") ? new Pickup.HomeDelivery(rs.getString("delivery_address"))
                : new Pickup.AtServicePoint(rs.getString("pickup_library"), Pickup.Kind.valueOf(kind));
        return new IllRequest(rs.getLong("id"), citation, reader, ServiceType.valueOf(rs.getString("service_type")),
                pickup, RequestState.valueOf(rs.getString("state")), rs.getLong("version"), progress(rs));
    }

    private static Progress progress(ResultSet rs) throws SQLException {
        return new Progress(Optional.ofNullable(rs.getString("lender_library")), rs.getInt("rota_position"),
                instant(rs, "respond_by_ms"), instant(rs, "hold_until_ms"), instant(rs, "due_ms"), rs.getInt("renewals"),
                Optional.ofNullable(rs.getString("returned_at_library")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    static RotaEntry rota(ResultSet rs) throws SQLException {
        return new RotaEntry(rs.getInt("position"), rs.getString("library_id"), rs.getString("service_point"),
                Optional.ofNullable(rs.getString("barcode")), Optional.ofNullable(rs.getString("location")),
                Optional.ofNullable(rs.getString("call_number")), RotaEntry.Status.valueOf(rs.getString("status")),
                rs.getString("reason"), Optional.ofNullable(rs.getString("outcome")));
    }

    static RequestEvent event(ResultSet rs) throws SQLException {
        var action = Action.valueOf(rs.getString("action"));
        return new RequestEvent(rs.getLong("request_id"), rs.getLong("seq"), rs.getString("actor"),
                Instant.parse(rs.getString("at")), RequestState.valueOf(rs.getString("from_state")),
                RequestState.valueOf(rs.getString("to_state")), action, details(action, rs),
                Optional.ofNullable(rs.getString("note")));
    }

    private static Details details(Action action, ResultSet rs) throws SQLException {
        Class<? extends Details> type = action.detailsType();
        if (type == Details.Shipment.class) {
            return new Details.Shipment(rs.getString("courier"), rs.getString("waybill"));
        } else if (type == Details.PickupShelf.class) {
            return new Details.PickupShelf(rs.getString("slot"), Instant.parse(rs.getString("hold_until")));
        } else if (type == Details.DueDate.class) {
            return new Details.DueDate(Instant.parse(rs.getString("due_at")));
        } else if (type == Details.Lender.class) {
            return new Details.Lender(rs.getInt("rota_position"), rs.getString("lender_library"));
        } else if (type == Details.RespondBy.class) {
            return new Details.RespondBy(Instant.parse(rs.getString("respond_by")));
        } else if (type == Details.ReturnedAt.class) {
            return new Details.ReturnedAt(new Pickup.AtServicePoint(rs.getString("point_library"),
                    Pickup.Kind.valueOf(rs.getString("point_kind"))));
        }
        return new Details.None();
    }

    static final int DETAIL_COLUMNS = 10;

    /** Binds the ten detail columns starting at {@code first}; columns a detail lacks stay NULL. */
    static void bindDetails(PreparedStatement st, int first, Details details) throws SQLException {
        String[] v = new String[DETAIL_COLUMNS];
        switch (details) {
            case Details.Shipment s -> { v[0] = s.courier(); v[1] = s.waybill(); }
            case Details.PickupShelf p -> { v[2] = p.slot(); v[3] = p.holdUntil().toString(); }
            case Details.DueDate d -> v[4] = d.due().toString();
            case Details.ReturnedAt r -> { v[5] = r.point().libraryId(); v[6] = r.point().kind().name(); }
            case Details.Lender l -> { v[7] = l.libraryId(); v[8] = Integer.toString(l.rotaPosition()); }
            case Details.RespondBy r -> v[9] = r.deadline().toString();
            case Details.None n -> { }
        }
        for (int i = 0; i < v.length; i++) {
            if (i == 8) {
                if (v[i] == null) {
                    st.setNull(first + i, java.sql.Types.INTEGER);
                } else {
                    st.setInt(first + i, Integer.parseInt(v[i]));
                }
            } else {
                st.setString(first + i, v[i]);
            }
        }
    }

    private static String string(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllStoreException("cannot read column " + column + ": " + e.getMessage(), e);
        }
    }
}
