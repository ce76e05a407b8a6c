package fr.somme.ent.billing.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The writes of one transaction, sent to the database in as few round trips and statements as the order allows, in the
 * order they were asked for: consecutive writes of the same statement go together. Writes that commute with every other
 * one (idempotent inserts of a key, e.g. "this member exists") are sent first, once per key, in key order (so that two
 * transactions take their row locks in the same order). Only repositories add statements; the caller flushes before
 * its transaction commits.
 * <p>
 * Two kinds of statement: a plain one ({@link #add}), whose consecutive writes go in one JDBC batch (one round trip, but
 * still one execution per row in the database), and a {@link MultiRow} one ({@link #addRow}, {@link #addFirstRow}),
 * whose consecutive rows go in <b>one</b> statement ({@code unnest} of one array per column: one execution for all the
 * rows, issue #15). A statement never writes the same row twice (PostgreSQL refuses an {@code ON CONFLICT DO UPDATE}
 * that would): consecutive rows with the same key are split into successive statements, so a later row of a key is
 * applied after the earlier one, exactly as one statement per row would.
 */
public final class StatementBatch {

    /**
     * A statement that writes many rows at once. Its SQL takes one {@code text[]} parameter per column, in order (cast
     * them in the SQL: {@code unnest(?::text[], ?::text[]) AS r(a, b)}, then {@code r.a::uuid}); values are sent as
     * their {@link String#valueOf text} ({@code null} stays null).
     */
    public record MultiRow(String sql, int columns) {
        public MultiRow {
            Objects.requireNonNull(sql, "sql");
            if (columns < 1) {
                throw new IllegalArgumentException("a multi-row statement has at least one column");
            }
        }
    }

    /** One write: a plain statement's values, or one row of a multi-row statement with its key. */
    private record Write(String sql, MultiRow rows, Object key, List<Object> values) {
    }

    private final EntityManager em;
    private final TreeMap<String, Write> first = new TreeMap<>();
    private final List<Write> ordered = new ArrayList<>();

    StatementBatch(EntityManager em) {
        this.em = em;
    }

    /** A write whose place among the others matters. */
    void add(String sql, Object... values) {
        ordered.add(new Write(sql, null, null, Arrays.asList(values)));
    }

    /** A row of a multi-row statement whose place among the other writes matters; {@code key}: the row it writes. */
    void addRow(MultiRow statement, Object key, Object... values) {
        ordered.add(row(statement, key, values));
    }

    /** A row of a multi-row statement that commutes with every other write of the transaction, written once per key. */
    void addFirstRow(String key, MultiRow statement, Object... values) {
        first.putIfAbsent(key, row(statement, key, values));
    }

    private static Write row(MultiRow statement, Object key, Object... values) {
        if (values.length != statement.columns()) {
            throw new IllegalArgumentException("the statement has " + statement.columns() + " columns, not " + values.length);
        }
        return new Write(statement.sql(), statement, Objects.requireNonNull(key, "key"), Arrays.asList(values));
    }

    /** Number of writes not yet sent. */
    public int pending() {
        return first.size() + ordered.size();
    }

    /** Sends every write not yet sent, in the transaction of the caller. */
    public void flush() {
        if (pending() == 0) {
            return;
        }
        List<Write> all = new ArrayList<>(first.values());
        all.addAll(ordered);
        first.clear();
        ordered.clear();
        em.unwrap(Session.class).doWork(connection -> send(connection, all));
    }

    private static void send(Connection connection, List<Write> writes) throws SQLException {
        for (List<Write> run : statements(writes)) {
            if (run.get(0).rows() != null) {
                sendRows(connection, run);
            } else {
                sendBatch(connection, run);
            }
        }
    }

    /**
     * The writes cut into what one statement sends, in order: consecutive writes of the same SQL; for a multi-row one,
     * a run is also cut before a key it already holds.
     */
    private static List<List<Write>> statements(List<Write> writes) {
        List<List<Write>> runs = new ArrayList<>();
        List<Write> run = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (Write w : writes) {
            boolean sameStatement = !run.isEmpty() && run.get(0).sql().equals(w.sql());
            if (!sameStatement || w.rows() != null && keys.contains(w.key())) {
                if (!run.isEmpty()) {
                    runs.add(run);
                }
                run = new ArrayList<>();
                keys.clear();
            }
            run.add(w);
            if (w.rows() != null) {
                keys.add(w.key());
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static void sendBatch(Connection connection, List<Write> run) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(run.get(0).sql())) {
            for (Write w : run) {
                for (int i = 0; i < w.values().size(); i++) {
                    statement.setObject(i + 1, w.values().get(i));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void sendRows(Connection connection, List<Write> run) throws SQLException {
        int columns = run.get(0).rows().columns();
        try (PreparedStatement statement = connection.prepareStatement(run.get(0).sql())) {
            for (int c = 0; c < columns; c++) {
                String[] column = new String[run.size()];
                for (int r = 0; r < run.size(); r++) {
                    Object value = run.get(r).values().get(c);
                    column[r] = value == null ? null : String.valueOf(value);
                }
                statement.setArray(c + 1, connection.createArrayOf("text", column));
            }
            statement.executeUpdate();
        }
    }
}
