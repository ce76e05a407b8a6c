package fr.somme.ent.commons.inbox;

import java.sql.Timestamp;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.events.CloudEvent;

/**
 * Idempotent consumption: a consumer calls {@link #firstDelivery} in the transaction that applies
 * the event; a repeat (same consumer, same event id) returns false and must change nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;
    private final Clock clock;

    public ProcessedEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, CloudEvent event) {
        int inserted = em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, event_type, processed_at) "
                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, Timestamp.from(clock.instant()))
                .executeUpdate();
        return inserted == 1;
    }
}
