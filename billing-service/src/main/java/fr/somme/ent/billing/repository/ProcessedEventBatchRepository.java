package fr.somme.ent.billing.repository;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The table {@code processed_event} of ent-commons' inbox (same table, same columns as its
 * {@code ProcessedEventRepository}), for a whole poll batch at once: one statement records the events of the batch that
 * this consumer had not applied yet and says which they are.
 */
@ApplicationScoped
public class ProcessedEventBatchRepository {

    /** One event of the batch: its id and type. */
    public record Delivered(String eventId, String eventType) {
    }

    private final EntityManager em;

    public ProcessedEventBatchRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the events as applied by {@code consumer} (ids distinct); returns the ids that were not recorded before,
     * that is the events to apply now. Rows being written by another transaction are waited for, as with one insert.
     */
    public Set<String> firstDeliveries(String consumer, List<Delivered> events, Instant at) {
        Set<String> first = new HashSet<>();
        if (events.isEmpty()) {
            return first;
        }
        em.unwrap(Session.class).doWork(connection -> {
            Array ids = connection.createArrayOf("text", events.stream().map(Delivered::eventId).toArray(String[]::new));
            Array types = connection.createArrayOf("text", events.stream().map(Delivered::eventType).toArray(String[]::new));
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                    SELECT ?, e.id, e.type, ? FROM unnest(?::text[], ?::text[]) AS e(id, type)
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                statement.setString(1, consumer);
                statement.setTimestamp(2, Timestamp.from(at));
                statement.setArray(3, ids);
                statement.setArray(4, types);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getString("event_id"));
                    }
                }
            }
        });
        return first;
    }
}
