package fr.somme.ent.billing.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.BillingProfile;
import fr.somme.ent.billing.domain.StoredBillingProfile;

/** The members' billing profiles ({@code billing_profile}): one row per member, replaced as a whole. */
@ApplicationScoped
public class BillingProfileRepository {

    private final EntityManager em;

    public BillingProfileRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<StoredBillingProfile> find(String memberId) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT member_id, siret, service_code, engagement_number, updated_at, updated_by
                FROM billing_profile WHERE member_id = ?1""", Tuple.class)
                .setParameter(1, memberId).getResultList();
        return rows.stream().findFirst().map(r -> new StoredBillingProfile(new BillingProfile(Rows.text(r, "member_id"),
                Rows.text(r, "siret"), Rows.text(r, "service_code"), Rows.text(r, "engagement_number")),
                Rows.instant(r, "updated_at"), Rows.text(r, "updated_by")));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(BillingProfile p, Instant at, String actor) {
        em.createNativeQuery("""
                INSERT INTO billing_profile (member_id, siret, service_code, engagement_number, updated_at, updated_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (member_id) DO UPDATE SET siret = EXCLUDED.siret, service_code = EXCLUDED.service_code,
                    engagement_number = EXCLUDED.engagement_number, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""")
                .setParameter(1, p.memberId()).setParameter(2, p.siret()).setParameter(3, p.serviceCode())
                .setParameter(4, p.engagementNumber()).setParameter(5, Timestamp.from(at)).setParameter(6, actor)
                .executeUpdate();
    }
}
