package org.tongjie.ill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The copy rows and their history, inside the store's transactions. A copy is promised by one conditional
 * write ({@link #reserve}): it succeeds only while the copy is on a shelf, so two requests racing for one
 * copy cannot both get it, on SQLite (one writer at a time) or PostgreSQL (the row's lock).
 */
final class Copies {
    private Copies() {}

    /** How a copy moves besides its state: who holds it, where it is, until when, and the courier. */
    record Move(CopyState to, OptionalLong requestId, String shelfLibrary, Optional<String> place,
                Optional<Instant> until, Optional<Details.Shipment> shipment) {}

    static Optional<Copy> find(Connection c, String owner, String barcode) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM ill_copies WHERE library_id = ? AND barcode = ?")) {
            st.setString(1, owner);
            st.setString(2, barcode);
            return first(st);
        }
    }

    static Optional<Copy> ofRequest(Connection c, long requestId) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM ill_copies WHERE request_id = ?")) {
            st.setLong(1, requestId);
            return first(st);
        }
    }

    /** Every tracked copy with this barcode, whoever owns it (barcodes are unique per member only). */
    static List<Copy> byBarcode(Connection c, String barcode) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM ill_copies WHERE barcode = ? ORDER BY library_id")) {
            st.setString(1, barcode);
            return all(st);
        }
    }

    static List<Copy> ofRecord(Connection c, String unionRecordId) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM ill_copies WHERE union_record_id = ?")) {
            st.setString(1, unionRecordId);
            return all(st);
        }
    }

    static List<Copy> inSlot(Connection c, String library, String slot) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM ill_copies WHERE state IN ('ON_HOLD_SHELF', 'IN_LOCKER')"
                + " AND shelf_library = ? AND place = ?")) {
            st.setString(1, library);
            st.setString(2, slot);
            return all(st);
        }
    }

    /** The owner of the copy {@code barcode} that sits at {@code shelfLibrary}: the library it floated from, or itself. */
    static String ownerOf(Connection c, String shelfLibrary, String barcode) throws SQLException {
        try (var st = c.prepareStatement("SELECT library_id FROM ill_copies WHERE barcode = ? AND shelf_library = ? AND state = 'ON_SHELF'")) {
            st.setString(1, barcode);
            st.setString(2, shelfLibrary);
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : shelfLibrary;
            }
        }
    }

    /**
     * Promises copy (owner, barcode) to {@code requestId} if it is on a shelf (or untracked, hence on its
     * owner's shelf); false, writing nothing, when another request has it or it is out.
     */
    static boolean reserve(Connection c, String owner, String barcode, String unionRecordId, long requestId,
                           String lender, String actor, Instant now) throws SQLException {
        int changed;
        try (var st = c.prepareStatement("""
                INSERT INTO ill_copies (library_id, barcode, union_record_id, state, request_id, shelf_library, place,
                  until_ms, version, updated_at)
                VALUES (?, ?, ?, 'RESERVED', ?, ?, ?, NULL, 1, ?)
                ON CONFLICT (library_id, barcode) DO UPDATE SET state = 'RESERVED', request_id = excluded.request_id,
                  place = excluded.place, until_ms = NULL, version = ill_copies.version + 1, updated_at = excluded.updated_at
                WHERE ill_copies.state = 'ON_SHELF'""")) {
            st.setString(1, owner);
            st.setString(2, barcode);
            st.setString(3, unionRecordId);
            st.setLong(4, requestId);
            st.setString(5, owner);
            st.setString(6, lender);
            st.setString(7, now.toString());
            changed = st.executeUpdate();
        }
        if (changed == 0) {
            return false;
        }
        Copy copy = find(c, owner, barcode).orElseThrow();
        insertEvent(c, copy, CopyState.ON_SHELF, actor, now, Optional.empty(), "reserved for request " + requestId);
        return true;
    }

    /** Moves {@code copy} as read in this transaction; refuses a move {@link CopyState} does not allow. */
    static Copy move(Connection c, Copy copy, Move m, String actor, Instant now, String note) throws SQLException {
        if (!copy.state().mayMoveTo(m.to())) {
            throw new CopyConflictException("copy " + copy.barcode() + " of " + copy.libraryId() + " is " + copy.state()
                    + (copy.requestId().isPresent() ? " (request " + copy.requestId().getAsLong() + ")" : "")
                    + "; it cannot become " + m.to());
        }
        try (var st = c.prepareStatement("""
                UPDATE ill_copies SET state = ?, request_id = ?, shelf_library = ?, place = ?, until_ms = ?,
                  version = version + 1, updated_at = ?
                WHERE library_id = ? AND barcode = ? AND version = ?""")) {
            st.setString(1, m.to().name());
            setLong(st, 2, m.requestId());
            st.setString(3, m.shelfLibrary());
            st.setString(4, m.place().orElse(null));
            setLong(st, 5, m.until().map(Instant::toEpochMilli).map(OptionalLong::of).orElse(OptionalLong.empty()));
            st.setString(6, now.toString());
            st.setString(7, copy.libraryId());
            st.setString(8, copy.barcode());
            st.setLong(9, copy.version());
            if (st.executeUpdate() == 0) {
                throw new CopyConflictException("copy " + copy.barcode() + " of " + copy.libraryId()
                        + " changed meanwhile; try again");
            }
        }
        Copy after = find(c, copy.libraryId(), copy.barcode()).orElseThrow();
        insertEvent(c, after, copy.state(), actor, now, m.shipment(), note);
        return after;
    }

    static List<Copy.Event> history(Connection c, String owner, String barcode) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM ill_copy_events WHERE library_id = ? AND barcode = ? ORDER BY seq")) {
            st.setString(1, owner);
            st.setString(2, barcode);
            try (var rs = st.executeQuery()) {
                var out = new ArrayList<Copy.Event>();
                while (rs.next()) {
                    out.add(new Copy.Event(rs.getLong("seq"), Instant.parse(rs.getString("at")), rs.getString("actor"),
                            CopyState.valueOf(rs.getString("from_state")), CopyState.valueOf(rs.getString("to_state")),
                            optionalLong(rs, "request_id"), rs.getString("shelf_library"),
                            Optional.ofNullable(rs.getString("place")), instant(rs, "until_ms"),
                            Optional.ofNullable(rs.getString("courier")), Optional.ofNullable(rs.getString("waybill")),
                            Optional.ofNullable(rs.getString("note"))));
                }
                return out;
            }
        }
    }

    private static void insertEvent(Connection c, Copy after, CopyState from, String actor, Instant now,
                                    Optional<Details.Shipment> shipment, String note) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO ill_copy_events (library_id, barcode, seq, at, actor, from_state, to_state, request_id,
                  shelf_library, place, until_ms, courier, waybill, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            st.setString(1, after.libraryId());
            st.setString(2, after.barcode());
            st.setLong(3, after.version());
            st.setString(4, now.toString());
            st.setString(5, actor);
            st.setString(6, from.name());
            st.setString(7, after.state().name());
            setLong(st, 8, after.requestId());
            st.setString(9, after.shelfLibrary());
            st.setString(10, after.place().orElse(null));
            setLong(st, 11, after.until().map(Instant::toEpochMilli).map(OptionalLong::of).orElse(OptionalLong.empty()));
            st.setString(12, shipment.map(Details.Shipment::courier).orElse(null));
            st.setString(13, shipment.map(Details.Shipment::waybill).orElse(null));
            st.setString(14, note.isBlank() ? null : note);
            st.executeUpdate();
        }
    }

    private static Optional<Copy> first(PreparedStatement st) throws SQLException {
        var all = all(st);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    private static List<Copy> all(PreparedStatement st) throws SQLException {
        try (var rs = st.executeQuery()) {
            var out = new ArrayList<Copy>();
            while (rs.next()) {
                out.add(new Copy(rs.getString("library_id"), rs.getString("barcode"), rs.getString("union_record_id"),
                        CopyState.valueOf(rs.getString("state")), optionalLong(rs, "request_id"),
                        rs.getString("shelf_library"), Optional.ofNullable(rs.getString("place")),
                        instant(rs, "until_ms"), rs.getLong("version")));
            }
            return out;
        }
    }

    private static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private static void setLong(PreparedStatement st, int i, OptionalLong v) throws SQLException {
        if (v.isPresent()) {
            st.setLong(i, v.getAsLong());
        } else {
            st.setNull(i, java.sql.Types.BIGINT);
        }
    }
}
