package org.tongjie.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Statements over many ids at once, {@code ... IN (?, ?, ...)}, in slices: SQLite allows 32,766
 * parameters, and a block of records or a run of changes can name more.
 */
final class InLists {
    private static final int SLICE = 500;

    private InLists() {}

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sqlBeforeList (?, ...)} for each slice of the values and hands every row to the handler. */
    static void query(Connection c, String sqlBeforeList, Collection<String> values, RowHandler handler) throws SQLException {
        for (List<String> slice : slices(values)) {
            try (var st = prepare(c, sqlBeforeList, slice); var rs = st.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    static void update(Connection c, String sqlBeforeList, Collection<String> values) throws SQLException {
        for (List<String> slice : slices(values)) {
            try (var st = prepare(c, sqlBeforeList, slice)) {
                st.executeUpdate();
            }
        }
    }

    private static List<List<String>> slices(Collection<String> values) {
        var all = List.copyOf(values);
        var out = new ArrayList<List<String>>();
        for (int from = 0; from < all.size(); from += SLICE) {
            out.add(all.subList(from, Math.min(all.size(), from + SLICE)));
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sqlBeforeList, List<String> slice) throws SQLException {
        var st = c.prepareStatement(sqlBeforeList + "(" + "?,".repeat(slice.size() - 1) + "?)");
        for (int i = 0; i < slice.size(); i++) {
            st.setString(i + 1, slice.get(i));
        }
        return st;
    }
}
