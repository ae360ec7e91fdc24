package org.tongjie.ill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Each member library's {@link LibrarySettings}. Kept in memory as well (read at open and after each
 * change): routing asks for the whole network on every request and action.
 */
public final class LendingSettings {
    private final Database db;
    private final Clock clock;
    private volatile Map<String, LibrarySettings> all;

    LendingSettings(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.all = load();
    }

    /** The library's settings, or {@link LibrarySettings#DEFAULT} when it never set any. */
    public LibrarySettings of(String libraryId) {
        return all.getOrDefault(libraryId, LibrarySettings.DEFAULT);
    }

    public void save(String libraryId, LibrarySettings settings, String actor) {
        Checks.nonBlank(libraryId, "library id");
        Checks.present(settings, "settings");
        LendingPolicy p = settings.policy();
        db.inTransaction(c -> {
            try (var st = c.prepareStatement("""
                    INSERT INTO ill_library_settings (library_id, lending, quota, loan_seconds, max_renewals,
                      renewal_seconds, recall_seconds, hold_seconds, response_seconds, updated_by, updated_at,
                      max_open_requests, floating)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (library_id) DO UPDATE SET lending = excluded.lending, quota = excluded.quota,
                      loan_seconds = excluded.loan_seconds, max_renewals = excluded.max_renewals,
                      renewal_seconds = excluded.renewal_seconds, recall_seconds = excluded.recall_seconds,
                      hold_seconds = excluded.hold_seconds, response_seconds = excluded.response_seconds,
                      updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                      max_open_requests = excluded.max_open_requests, floating = excluded.floating""")) {
                st.setString(1, libraryId);
                st.setInt(2, settings.lending() ? 1 : 0);
                if (settings.quota().isPresent()) {
                    st.setInt(3, settings.quota().getAsInt());
                } else {
                    st.setNull(3, java.sql.Types.INTEGER);
                }
                st.setLong(4, p.loanPeriod().toSeconds());
                st.setInt(5, p.maxRenewals());
                st.setLong(6, p.renewalPeriod().toSeconds());
                st.setLong(7, p.recallPeriod().toSeconds());
                st.setLong(8, p.holdPeriod().toSeconds());
                st.setLong(9, p.responseTime().toSeconds());
                st.setString(10, Checks.nonBlank(actor, "actor"));
                st.setString(11, clock.instant().toString());
                st.setInt(12, p.maxOpenRequests());
                st.setInt(13, p.floating() ? 1 : 0);
                st.executeUpdate();
            }
            return null;
        });
        all = load();
    }

    private Map<String, LibrarySettings> load() {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM ill_library_settings"); var rs = st.executeQuery()) {
                var out = new HashMap<String, LibrarySettings>();
                while (rs.next()) {
                    out.put(rs.getString("library_id"), settings(rs));
                }
                return Map.copyOf(out);
            }
        });
    }

    private static LibrarySettings settings(ResultSet rs) throws SQLException {
        int quota = rs.getInt("quota");
        OptionalInt q = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(quota);
        var policy = new LendingPolicy(seconds(rs, "loan_seconds"), rs.getInt("max_renewals"), seconds(rs, "renewal_seconds"),
                seconds(rs, "recall_seconds"), seconds(rs, "hold_seconds"), seconds(rs, "response_seconds"))
                .withReaders(rs.getObject("max_open_requests") == null ? LendingPolicy.DEFAULT_MAX_OPEN_REQUESTS
                        : rs.getInt("max_open_requests"), rs.getInt("floating") != 0);
        return new LibrarySettings(rs.getInt("lending") != 0, q, policy);
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        return Duration.ofSeconds(rs.getLong(column));
    }
}
