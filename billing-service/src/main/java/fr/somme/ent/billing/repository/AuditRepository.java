package fr.somme.ent.billing.repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import fr.somme.ent.billing.domain.AuditEntry;

/** Billing's audit trail, {@code billing_audit}: appended to, never changed. */
@ApplicationScoped
public class AuditRepository {

    private final EntityManager em;

    public AuditRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(AuditEntry e) {
        em.createNativeQuery("""
                INSERT INTO billing_audit (school_year, call_id, action, actor, at, reason, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, e.schoolYear(), String.class).setParameter(2, e.callId(), UUID.class)
                .setParameter(3, e.action()).setParameter(4, e.actor()).setParameter(5, Timestamp.from(e.at()))
                .setParameter(6, e.reason(), String.class).setParameter(7, e.detail(), String.class)
                .executeUpdate();
    }

    /** Many lines at once, in their order, in one JDBC batch (a computation at national scale: 35,000 drafts). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<AuditEntry> entries) {
        StatementBatch batch = new StatementBatch(em);
        for (AuditEntry e : entries) {
            batch.add("""
                    INSERT INTO billing_audit (school_year, call_id, action, actor, at, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    e.schoolYear(), e.callId(), e.action(), e.actor(), Timestamp.from(e.at()), e.reason(), e.detail());
        }
        batch.flush();
    }

    /** The trail of one call, oldest first. */
    @SuppressWarnings("unchecked")
    public List<AuditEntry> ofCall(UUID callId) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT school_year, call_id, action, actor, at, reason, detail FROM billing_audit WHERE call_id = ?1 ORDER BY id""",
                Tuple.class).setParameter(1, callId).getResultList();
        return rows.stream().map(r -> new AuditEntry(Rows.text(r, "school_year"), (UUID) r.get("call_id"),
                Rows.text(r, "action"), Rows.text(r, "actor"), Rows.instant(r, "at"), Rows.text(r, "reason"),
                Rows.text(r, "detail"))).toList();
    }
}
