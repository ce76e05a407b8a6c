package fr.somme.ent.billing.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.IdempotentRequest;

/** The Idempotency-Keys of the money-moving requests ({@code idempotency_key}): per caller, the first answer. */
@ApplicationScoped
public class IdempotencyRepository {

    private final EntityManager em;

    public IdempotencyRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims the key for this request: true when it is new (the row is written, locked until the transaction ends);
     * false when it was already used (a concurrent request with the same key waits here until the other one ends).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String actor, String key, String requestHash, Instant at) {
        return em.createNativeQuery("""
                INSERT INTO idempotency_key (actor, idem_key, request_hash, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, actor).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, Timestamp.from(at)).executeUpdate() == 1;
    }

    /** The answer given to the first request with this key. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<IdempotentRequest> answered(String actor, String key) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT request_hash, status, body FROM idempotency_key WHERE actor = ?1 AND idem_key = ?2""", Tuple.class)
                .setParameter(1, actor).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(r -> new IdempotentRequest(Rows.text(r, "request_hash"),
                (int) Rows.number(r, "status"), Rows.text(r, "body")));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void answer(String actor, String key, int status, String body) {
        em.createNativeQuery("UPDATE idempotency_key SET status = ?3, body = ?4 WHERE actor = ?1 AND idem_key = ?2")
                .setParameter(1, actor).setParameter(2, key).setParameter(3, status).setParameter(4, body).executeUpdate();
    }
}
