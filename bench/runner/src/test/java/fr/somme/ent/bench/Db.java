package fr.somme.ent.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.somme.ent.bench.Suite.Service;

/**
 * The campaign's reads of the services' databases. One connection per service, opened on first use and dropped on any
 * failure (the next call opens a new one): the reads go on after PostgreSQL has been restarted. Array parameters:
 * {@code String[]} as {@code text[]}, {@code UUID[]} as {@code uuid[]}.
 */
final class Db implements AutoCloseable {

    private final Suite suite;
    private final Map<Service, Connection> open = new EnumMap<>(Service.class);

    Db(Suite suite) {
        this.suite = suite;
    }

    long count(Service s, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = rows(s, sql, params);
        Object v = rows.isEmpty() ? null : rows.get(0).values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    synchronized List<Map<String, Object>> rows(Service s, String sql, Object... params) throws SQLException {
        Connection c = open.get(s);
        try {
            if (c == null) {
                c = suite.database(s);
                open.put(s, c);
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    Object v = params[i];
                    if (v instanceof String[] a) {
                        p.setArray(i + 1, c.createArrayOf("text", a));
                    } else if (v instanceof UUID[] a) {
                        p.setArray(i + 1, c.createArrayOf("uuid", a));
                    } else {
                        p.setObject(i + 1, v);
                    }
                }
                try (ResultSet r = p.executeQuery()) {
                    ResultSetMetaData m = r.getMetaData();
                    List<Map<String, Object>> rows = new ArrayList<>();
                    while (r.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            row.put(m.getColumnLabel(i), r.getObject(i));
                        }
                        rows.add(row);
                    }
                    return rows;
                }
            }
        } catch (SQLException e) {
            drop(s);
            throw e;
        }
    }

    private void drop(Service s) {
        Connection c = open.remove(s);
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    @Override
    public synchronized void close() {
        for (Service s : Service.values()) {
            drop(s);
        }
    }
}
