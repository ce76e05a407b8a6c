package fr.somme.ent.provisioning.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The thin JDBC helper of this package's repositories: plain statements on the service's datasource; inside a JTA
 * transaction the connection is the transaction's (the same one the outbox writes with). Batches keep bulk
 * provisioning to a few round trips. Mappers read columns by name.
 */
@ApplicationScoped
class Jdbc {

    /** Maps the current row, by column name. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource ds;

    Jdbc(DataSource ds) {
        this.ds = ds;
    }

    int update(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, Arrays.asList(params));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + e.getMessage(), e);
        }
    }

    /** One statement executed for each item, with the parameters {@code params} gives it; the update counts. */
    <T> int[] batch(String sql, Collection<T> items, Function<T, List<?>> params) {
        if (items.isEmpty()) {
            return new int[0];
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                bind(ps, params.apply(item));
                ps.addBatch();
            }
            return ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("batch failed: " + e.getMessage(), e);
        }
    }

    <T> List<T> list(String sql, Row<T> mapper, Object... params) {
        return select(sql, Arrays.asList(params), mapper);
    }

    /** As {@link #list}, for statements whose parameters are built as they go. */
    <T> List<T> select(String sql, List<?> params, Row<T> mapper) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    <T> Optional<T> one(String sql, Row<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A {@code uuid[]} parameter, for {@code = ANY(?::uuid[])}. */
    static String[] uuids(Collection<?> ids) {
        return ids.stream().map(Object::toString).toArray(String[]::new);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] texts) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", texts));
            } else if (p instanceof Integer[] ints) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("int4", ints));
            } else if (p instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
