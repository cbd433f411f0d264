package dev.sieve.store;

import dev.sieve.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The few JDBC helpers the alert stores share. */
public final class Jdbc {
    private Jdbc() {
    }

    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** One query on a pooled connection; failures become {@link StoreException}s. */
    public static <T> List<T> query(DataSource ds, String sql, Binder binder, Row<T> row) {
        try (Connection c = ds.getConnection()) {
            return query(c, sql, binder, row);
        } catch (SQLException e) {
            throw new StoreException("cannot read the alerts: " + e.getMessage(), e);
        }
    }

    public static <T> List<T> query(Connection c, String sql, Binder binder, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        }
    }

    public static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /** Text cut to a column's length (a name or note longer than any column is kept in part, never refused). */
    public static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
