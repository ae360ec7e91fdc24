package org.tongjie.ill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only questions over many requests: a reader's own requests, and the network's statistics (loans per
 * record, fill rate per period, turnaround). Nothing here writes; nothing here reads personal data beyond
 * the reader's own card, which the caller has already checked.
 */
public final class IllReports {
    /** Requests that a lender agreed to supply at some point: any event into WILL_SUPPLY. */
    private static final String FILLED = "EXISTS (SELECT 1 FROM ill_events f WHERE f.request_id = r.id AND f.to_state = 'WILL_SUPPLY')";

    private final Database db;

    IllReports(Database db) {
        this.db = db;
    }

    /** The reader's requests (same card and home library), newest first. */
    public List<IllRequest> requestsOf(Reader reader) {
        return db.read(c -> {
            try (var st = c.prepareStatement(Rows.SELECT_REQUEST
                    + " WHERE p.card_number = ? AND p.home_library = ? ORDER BY r.id DESC")) {
                st.setString(1, reader.cardNumber());
                st.setString(2, reader.homeLibraryId());
                return IllStore.requests(st);
            }
        });
    }

    /** How many loans began (LOAN events: over the counter, from the locker, at the door) per union record. */
    public Map<String, Integer> loansByRecord() {
        return db.read(c -> {
            var out = new LinkedHashMap<String, Integer>();
            try (var st = c.prepareStatement("""
                    SELECT r.union_record_id, COUNT(*) FROM ill_events e JOIN ill_requests r ON r.id = e.request_id
                    WHERE e.action = 'LOAN' GROUP BY r.union_record_id ORDER BY r.union_record_id""");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** The length of the periods requests are counted in, by the UTC date they were placed. */
    public enum Period {
        DAY(10), MONTH(7);

        /** How many leading characters of an ISO-8601 instant name the period ("2026-11-24", "2026-11"). */
        private final int prefix;

        Period(int prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * Requests placed in one period: {@code filled} a lender agreed to supply; {@code notFilled} were cancelled
     * before any did (rota exhausted, or cancelled by the reader); the rest are still open.
     */
    public record FillRate(String period, int requests, int filled, int notFilled) {
        /** filled / (filled + notFilled): the share of decided requests that were filled; 0 when none is decided. */
        public double rate() {
            int decided = filled + notFilled;
            return decided == 0 ? 0 : (double) filled / decided;
        }
    }

    /** Fill rate per period, oldest first; periods without requests are left out. */
    public List<FillRate> fillRate(Period period) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT SUBSTR(r.created_at, 1, " + period.prefix + ") AS period, COUNT(*),"
                    + " SUM(CASE WHEN " + FILLED + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN r.state = 'CANCELLED' AND NOT " + FILLED + " THEN 1 ELSE 0 END)"
                    + " FROM ill_requests r GROUP BY SUBSTR(r.created_at, 1, " + period.prefix + ") ORDER BY 1");
                 var rs = st.executeQuery()) {
                var out = new ArrayList<FillRate>();
                while (rs.next()) {
                    out.add(new FillRate(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                }
                return out;
            }
        });
    }

    /**
     * For each request that reached the reader, how long it took: from being placed to the loan starting
     * (LOAN), or for a copy to its being sent (SHIP).
     */
    public List<Duration> turnarounds() {
        return db.read(c -> {
            try (var st = c.prepareStatement("""
                    SELECT r.created_at, e.at FROM ill_requests r JOIN ill_events e ON e.request_id = r.id
                    WHERE (r.service_type = 'LOAN' AND e.action = 'LOAN') OR (r.service_type = 'COPY' AND e.action = 'SHIP')
                    ORDER BY r.id, e.seq""");
                 var rs = st.executeQuery()) {
                var out = new ArrayList<Duration>();
                while (rs.next()) {
                    out.add(Duration.between(Instant.parse(rs.getString(1)), Instant.parse(rs.getString(2))));
                }
                return out;
            }
        });
    }

    /** Per lender library: how often routing asked it (ROUTE events naming it), and how many requests it supplied. */
    public record LenderCount(String libraryId, int asked, int supplied) {}

    public List<LenderCount> byLender() {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT lender, SUM(asked), SUM(supplied) FROM ("
                    + " SELECT e.lender_library AS lender, 1 AS asked, 0 AS supplied FROM ill_events e"
                    + " WHERE e.action = 'ROUTE' AND e.lender_library IS NOT NULL"
                    + " UNION ALL SELECT r.lender_library, 0, 1 FROM ill_requests r WHERE r.lender_library IS NOT NULL AND " + FILLED
                    + ") t GROUP BY lender ORDER BY lender");
                 var rs = st.executeQuery()) {
                var out = new ArrayList<LenderCount>();
                while (rs.next()) {
                    out.add(new LenderCount(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }
                return out;
            }
        });
    }

    /** Per borrowing library (the reader's home library): requests placed, and how many a lender agreed to supply. */
    public record BorrowerCount(String libraryId, int requests, int filled) {}

    public List<BorrowerCount> byBorrower() {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT p.home_library, COUNT(*), SUM(CASE WHEN " + FILLED + " THEN 1 ELSE 0 END)"
                    + " FROM ill_requests r JOIN ill_patrons p ON p.request_id = r.id GROUP BY p.home_library ORDER BY 1");
                 var rs = st.executeQuery()) {
                var out = new ArrayList<BorrowerCount>();
                while (rs.next()) {
                    out.add(new BorrowerCount(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }
                return out;
            }
        });
    }

    /** A union record readers asked for, with the title they asked for it by. */
    public record TitleCount(String unionRecordId, String title, int requests) {}

    /** The {@code limit} most requested union records, most requested first (ties by record id). */
    public List<TitleCount> topTitles(int limit) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT r.union_record_id, MIN(r.title), COUNT(*) FROM ill_requests r"
                    + " GROUP BY r.union_record_id ORDER BY 3 DESC, 1 LIMIT ?")) {
                st.setInt(1, limit);
                try (var rs = st.executeQuery()) {
                    var out = new ArrayList<TitleCount>();
                    while (rs.next()) {
                        out.add(new TitleCount(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    }
                    return out;
                }
            }
        });
    }
}
