package fr.somme.ent.billing.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import fr.somme.ent.commons.security.CallerScope;

/** The audit trail of billing: who did what, when, and why (rule 18: every figure can be explained). */
@ApplicationScoped
public class Audit {

    public record Entry(String action, String actor, Instant at, String reason, String detail) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final CallerScope caller;

    public Audit(EntityManager em, Clock clock, CallerScope caller) {
        this.em = em;
        this.clock = clock;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String schoolYear, UUID callId, String action, String reason, String detail) {
        em.createNativeQuery("""
                INSERT INTO billing_audit (school_year, call_id, action, actor, at, reason, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, schoolYear, String.class).setParameter(2, callId, UUID.class).setParameter(3, action)
                .setParameter(4, caller.actor()).setParameter(5, Timestamp.from(clock.instant()))
                .setParameter(6, reason, String.class).setParameter(7, detail, String.class)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Entry> ofCall(UUID callId) {
        List<Entry> entries = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT action, actor, at, reason, detail FROM billing_audit WHERE call_id = ?1 ORDER BY id")
                .setParameter(1, callId).getResultList()) {
            entries.add(new Entry((String) r[0], (String) r[1], instant(r[2]), (String) r[3], (String) r[4]));
        }
        return entries;
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) o).toInstant();
    }
}
