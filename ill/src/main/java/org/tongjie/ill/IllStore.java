package org.tongjie.ill;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Requests and their event logs. Every change goes through {@link #apply}, which checks the transition
 * table, bumps the version only if the caller saw the latest one, and appends the event, all in one
 * transaction. Safe to share between threads.
 */
public final class IllStore {
    private final Database db;
    private final Clock clock;

    private IllStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Opens (creating if needed) the SQLite file and migrates the ILL tables; the file may be shared. */
    public static IllStore openSqlite(Path file, Clock clock) {
        return new IllStore(Database.openSqlite(file), Objects.requireNonNull(clock, "clock"));
    }

    /** Records a new request in state REQUESTED at version 0. */
    public IllRequest create(Citation citation, Reader reader, ServiceType serviceType, Pickup pickup) {
        var draft = new IllRequest(0, citation, reader, serviceType, pickup, RequestState.REQUESTED, 0);
        String now = clock.instant().toString();
        long id = db.inTransaction(c -> {
            long newId = insertRequest(c, draft, now);
            insertPatron(c, newId, reader, pickup);
            return newId;
        });
        return new IllRequest(id, citation, reader, serviceType, pickup, RequestState.REQUESTED, 0);
    }

    public Optional<IllRequest> find(long id) {
        return db.read(c -> load(c, id));
    }

    /** The request's events, oldest first. */
    public List<RequestEvent> events(long id) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM ill_events WHERE request_id = ? ORDER BY seq")) {
                st.setLong(1, id);
                try (var rs = st.executeQuery()) {
                    var out = new ArrayList<RequestEvent>();
                    while (rs.next()) {
                        out.add(Rows.event(rs));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * Moves request {@code id} by {@code command}, provided it is still at {@code expectedVersion}.
     *
     * @param note free text for the log; blank means none
     * @return the request after the move
     * @throws ConcurrentChangeException if it changed since the caller read it (nothing written)
     * @throws IllegalTransitionException if the table does not allow the action from its state
     * @throws UnknownRequestException if there is no such request
     */
    public IllRequest apply(long id, long expectedVersion, Command command, String actor, String note) {
        Checks.present(command, "command");
        Checks.nonBlank(actor, "actor");
        Checks.present(note, "note (use \"\" for none)");
        return db.inTransaction(c -> {
            IllRequest current = load(c, id).orElseThrow(() -> new UnknownRequestException(id));
            if (current.version() != expectedVersion) {
                throw new ConcurrentChangeException(id, expectedVersion,
                        "it is now at version " + current.version() + ", state " + current.state());
            }
            RequestState to = Transitions.next(current.track(), current.state(), command.action())
                    .orElseThrow(() -> new IllegalTransitionException(id, current.state(), command.action(),
                            Transitions.allowed(current.track(), current.state())));
            var event = new RequestEvent(id, expectedVersion + 1, actor, clock.instant(), current.state(), to,
                    command.action(), command.details(), Optional.of(note).filter(n -> !n.isBlank()));
            updateState(c, id, expectedVersion, to, event);
            insertEvent(c, event);
            return new IllRequest(id, current.citation(), current.reader(), current.serviceType(),
                    current.pickup(), to, event.seq());
        });
    }

    private static Optional<IllRequest> load(Connection c, long id) throws SQLException {
        try (var st = c.prepareStatement(Rows.SELECT_REQUEST + " WHERE r.id = ?")) {
            st.setLong(1, id);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Rows.request(rs)) : Optional.empty();
            }
        }
    }

    /** The version guard: on PostgreSQL under READ COMMITTED this, not the read above, stops a race. */
    private static void updateState(Connection c, long id, long expectedVersion, RequestState to,
                                    RequestEvent event) throws SQLException {
        try (var st = c.prepareStatement(
                "UPDATE ill_requests SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?")) {
            st.setString(1, to.name());
            st.setString(2, event.at().toString());
            st.setLong(3, id);
            st.setLong(4, expectedVersion);
            if (st.executeUpdate() == 0) {
                throw new ConcurrentChangeException(id, expectedVersion, "another writer got there first");
            }
        }
    }

    private static void insertEvent(Connection c, RequestEvent e) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO ill_events (request_id, seq, at, actor, from_state, to_state, action, note,
                  courier, waybill, slot, hold_until, due_at, point_library, point_kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            st.setLong(1, e.requestId());
            st.setLong(2, e.seq());
            st.setString(3, e.at().toString());
            st.setString(4, e.actor());
            st.setString(5, e.from().name());
            st.setString(6, e.to().name());
            st.setString(7, e.action().name());
            st.setString(8, e.note().orElse(null));
            Rows.bindDetails(st, 9, e.details());
            st.executeUpdate();
        }
    }

    private static long insertRequest(Connection c, IllRequest r, String now) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO ill_requests (union_record_id, title, author, isbn, holding_library, holding_barcode,
                  service_type, pickup_kind, pickup_library, state, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id""")) {
            Citation ci = r.citation();
            st.setString(1, ci.unionRecordId());
            st.setString(2, ci.title());
            st.setString(3, ci.author().orElse(null));
            st.setString(4, ci.isbn().orElse(null));
            st.setString(5, ci.holding().map(Citation.Holding::lenderLibraryId).orElse(null));
            st.setString(6, ci.holding().map(Citation.Holding::barcode).orElse(null));
            st.setString(7, r.serviceType().name());
            st.setString(8, r.pickup() instanceof Pickup.AtServicePoint p ? p.kind().name() : "HOME");
            st.setString(9, r.pickup() instanceof Pickup.AtServicePoint p ? p.libraryId() : null);
            st.setString(10, r.state().name());
            st.setString(11, now);
            st.setString(12, now);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertPatron(Connection c, long id, Reader reader, Pickup pickup) throws SQLException {
        try (var st = c.prepareStatement(
                "INSERT INTO ill_patrons (request_id, card_number, home_library, delivery_address) VALUES (?, ?, ?, ?)")) {
            st.setLong(1, id);
            st.setString(2, reader.cardNumber());
            st.setString(3, reader.homeLibraryId());
            st.setString(4, pickup instanceof Pickup.HomeDelivery h ? h.address() : null);
            st.executeUpdate();
        }
    }
}
