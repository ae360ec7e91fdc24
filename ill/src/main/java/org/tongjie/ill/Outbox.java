package org.tongjie.ill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Messages waiting to leave the hub, stored in the same transaction as the move that caused them, so a
 * crash can neither lose one nor send one for a move that did not happen. {@link OutboxSender} delivers them.
 */
public final class Outbox {
    /** Each channel and target's oldest undelivered message (alias {@code o}): the only one that may be sent. */
    private static final String HEADS = """
             o.delivered_at IS NULL AND NOT EXISTS (SELECT 1 FROM ill_outbox p WHERE p.channel = o.channel
              AND p.target = o.target AND p.delivered_at IS NULL AND p.id < o.id)
            """;

    private final Database db;
    private final Clock clock;

    Outbox(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a message that no transition caused (an answer to an agency's question), in its own transaction. */
    public void enqueue(long requestId, Outgoing message) {
        db.inTransaction(c -> {
            insert(c, requestId, List.of(message), clock.instant());
            return null;
        });
    }

    static void insert(Connection c, long requestId, List<Outgoing> messages, Instant now) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO ill_outbox (channel, target, request_id, content_type, payload, created_at, next_attempt_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Outgoing m : messages) {
                st.setString(1, m.channel());
                st.setString(2, m.target());
                st.setLong(3, requestId);
                st.setString(4, m.contentType());
                st.setString(5, m.payload());
                st.setString(6, now.toString());
                st.setLong(7, now.toEpochMilli());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * The messages to try now: for each channel and target, its oldest undelivered message, if its next
     * attempt is due. A later message never overtakes an earlier one to the same target.
     */
    public List<OutboxEntry> due(Instant now, int limit) {
        return db.read(c -> {
            try (var st = c.prepareStatement("""
                    SELECT * FROM ill_outbox o WHERE o.next_attempt_ms <= ? AND""" + HEADS + """
                    ORDER BY o.id LIMIT ?""")) {
                st.setLong(1, now.toEpochMilli());
                st.setInt(2, limit);
                return entries(st.executeQuery());
            }
        });
    }

    /** A request's messages, oldest first, delivered or not. */
    public List<OutboxEntry> ofRequest(long requestId) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM ill_outbox WHERE request_id = ? ORDER BY id")) {
                st.setLong(1, requestId);
                return entries(st.executeQuery());
            }
        });
    }

    /** Every message not yet delivered, oldest first. */
    public List<OutboxEntry> pending() {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM ill_outbox WHERE delivered_at IS NULL ORDER BY id")) {
                return entries(st.executeQuery());
            }
        });
    }

    /**
     * When the earliest message {@link #due} can offer may be tried again: over each target's oldest undelivered
     * message only. The messages queued behind a failed one were due when written but wait for it, so taking
     * them into account would make a sender wake at once, find nothing to offer, and spin until the target returns.
     */
    public Optional<Instant> nextAttempt() {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT MIN(o.next_attempt_ms) FROM ill_outbox o WHERE" + HEADS);
                 var rs = st.executeQuery()) {
                rs.next(); // MIN always gives one row
                long ms = rs.getLong(1);
                return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(ms));
            }
        });
    }

    void delivered(long id, Instant at, String outcome) {
        update("UPDATE ill_outbox SET attempts = attempts + 1, delivered_at = ?, outcome = ? WHERE id = ?",
                at.toString(), outcome, id);
    }

    void failed(long id, Instant nextAttempt, String outcome) {
        db.inTransaction(c -> {
            try (var st = c.prepareStatement(
                    "UPDATE ill_outbox SET attempts = attempts + 1, next_attempt_ms = ?, outcome = ? WHERE id = ?")) {
                st.setLong(1, nextAttempt.toEpochMilli());
                st.setString(2, outcome);
                st.setLong(3, id);
                return st.executeUpdate();
            }
        });
    }

    private void update(String sql, String first, String second, long id) {
        db.inTransaction(c -> {
            try (var st = c.prepareStatement(sql)) {
                st.setString(1, first);
                st.setString(2, second);
                st.setLong(3, id);
                return st.executeUpdate();
            }
        });
    }

    private static List<OutboxEntry> entries(ResultSet rs) throws SQLException {
        try (rs) {
            var out = new ArrayList<OutboxEntry>();
            while (rs.next()) {
                var message = new Outgoing(rs.getString("channel"), rs.getString("target"), rs.getString("content_type"),
                        rs.getString("payload"));
                out.add(new OutboxEntry(rs.getLong("id"), rs.getLong("request_id"), message,
                        Instant.parse(rs.getString("created_at")), rs.getInt("attempts"),
                        Instant.ofEpochMilli(rs.getLong("next_attempt_ms")),
                        Optional.ofNullable(rs.getString("delivered_at")).map(Instant::parse),
                        Optional.ofNullable(rs.getString("outcome"))));
            }
            return out;
        }
    }
}
