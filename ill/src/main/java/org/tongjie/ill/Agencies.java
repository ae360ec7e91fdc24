package org.tongjie.ill;

import java.net.URI;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The external agencies the network lends to and which hub request answers which of their requests. An
 * agency's shared secret is stored as its SHA-256, like a member's API key: it is long and random.
 */
public final class Agencies {
    private final Database db;

    Agencies(Database db) {
        this.db = db;
    }

    /** Registers the agency, or replaces its details and secret. */
    public void register(Agency agency, String secret) {
        Checks.present(agency, "agency");
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("an agency's shared secret must be at least 16 characters");
        }
        db.inTransaction(c -> {
            upsert(c, agency, secret);
            return null;
        });
    }

    public Optional<Agency> find(String symbol) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM ill_agencies WHERE symbol = ?")) {
                st.setString(1, symbol);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Agency(rs.getString("symbol"), rs.getString("name"),
                            URI.create(rs.getString("callback_url")), rs.getString("account_id"),
                            rs.getString("delivery_address"))) : Optional.<Agency>empty();
                }
            }
        });
    }

    /** The agency, if {@code accountId} and {@code securityCode} are the ones it was registered with. */
    public Optional<Agency> authenticate(String symbol, String accountId, String securityCode) {
        if (accountId == null || securityCode == null) {
            return Optional.empty();
        }
        String stored = db.read(c -> {
            try (var st = c.prepareStatement("SELECT secret_hash FROM ill_agencies WHERE symbol = ? AND account_id = ?")) {
                st.setString(1, symbol);
                st.setString(2, accountId);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        });
        boolean match = MessageDigest.isEqual(stored.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                IllAccounts.sha256(securityCode).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return match ? find(symbol) : Optional.empty();
    }

    /** The hub request answering the agency's request {@code agencyRequestId}, if there is one. */
    public Optional<Long> requestOf(AgencyLink link) {
        return db.read(c -> requestOf(c, link));
    }

    /** Whose request this is, if an agency's. */
    public Optional<AgencyLink> linkOf(long requestId) {
        return db.read(c -> linkOf(c, requestId));
    }

    static Optional<AgencyLink> linkOf(Connection c, long requestId) throws SQLException {
        try (var st = c.prepareStatement(
                "SELECT agency_symbol, agency_request_id FROM ill_agency_requests WHERE request_id = ?")) {
            st.setLong(1, requestId);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new AgencyLink(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    static Optional<Long> requestOf(Connection c, AgencyLink link) throws SQLException {
        try (var st = c.prepareStatement(
                "SELECT request_id FROM ill_agency_requests WHERE agency_symbol = ? AND agency_request_id = ?")) {
            st.setString(1, link.agencySymbol());
            st.setString(2, link.agencyRequestId());
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static void insertLink(Connection c, AgencyLink link, long requestId) throws SQLException {
        try (var st = c.prepareStatement(
                "INSERT INTO ill_agency_requests (agency_symbol, agency_request_id, request_id) VALUES (?, ?, ?)")) {
            st.setString(1, link.agencySymbol());
            st.setString(2, link.agencyRequestId());
            st.setLong(3, requestId);
            st.executeUpdate();
        }
    }

    private static void upsert(Connection c, Agency a, String secret) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO ill_agencies (symbol, name, callback_url, account_id, secret_hash, delivery_address)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (symbol) DO UPDATE SET name = excluded.name, callback_url = excluded.callback_url,
                  account_id = excluded.account_id, secret_hash = excluded.secret_hash,
                  delivery_address = excluded.delivery_address""")) {
            st.setString(1, a.symbol());
            st.setString(2, a.name());
            st.setString(3, a.callbackUrl().toString());
            st.setString(4, a.accountId());
            st.setString(5, IllAccounts.sha256(secret));
            st.setString(6, a.deliveryAddress());
            st.executeUpdate();
        }
    }
}
