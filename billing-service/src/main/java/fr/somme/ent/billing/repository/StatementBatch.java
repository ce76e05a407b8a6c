package fr.somme.ent.billing.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The writes of one transaction, sent to the database in JDBC batches (one round trip for many rows) in the order they
 * were asked for: consecutive writes of the same statement go in one batch. Writes that commute with every other one
 * (idempotent inserts of a key, e.g. "this member exists") are sent first, once per key, in key order (so that two
 * transactions take their row locks in the same order). Only repositories add statements; the caller flushes before
 * its transaction commits.
 */
public final class StatementBatch {

    private record Write(String sql, List<Object> values) {
    }

    private final EntityManager em;
    private final TreeMap<String, Write> first = new TreeMap<>();
    private final List<Write> ordered = new ArrayList<>();

    StatementBatch(EntityManager em) {
        this.em = em;
    }

    /** A write whose place among the others matters. */
    void add(String sql, Object... values) {
        ordered.add(new Write(sql, Arrays.asList(values)));
    }

    /** A write that commutes with every other write of the transaction, made once per {@code key}. */
    void addFirst(String key, String sql, Object... values) {
        first.putIfAbsent(key, new Write(sql, Arrays.asList(values)));
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
        int from = 0;
        while (from < writes.size()) {
            String sql = writes.get(from).sql();
            int to = from;
            while (to < writes.size() && writes.get(to).sql().equals(sql)) {
                to++;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Write w : writes.subList(from, to)) {
                    for (int i = 0; i < w.values().size(); i++) {
                        statement.setObject(i + 1, w.values().get(i));
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            from = to;
        }
    }
}
