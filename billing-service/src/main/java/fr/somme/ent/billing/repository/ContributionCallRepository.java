package fr.somme.ent.billing.repository;

import io.quarkus.panache.common.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import fr.somme.ent.commons.rest.PageOf;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import fr.somme.ent.billing.domain.CallStatus;
import fr.somme.ent.billing.domain.ContributionCall;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The contribution calls (art. 4.4). */
@ApplicationScoped
public class ContributionCallRepository implements PanacheRepositoryBase<ContributionCall, UUID> {

    private static final Sort LISTING = Sort.by("schoolYear").and("memberId").and("kind").and("createdAt").and("id");

    /** The call, its row locked until the transaction ends: concurrent changes of one call wait for each other. */
    public Optional<ContributionCall> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Serialises the computations of one period: the lock is held until the transaction ends. */
    public void lockPeriod(String schoolYear) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "billing-period-" + schoolYear).getSingleResult();
    }

    /** Every call of the year, cancelled ones included. */
    public List<ContributionCall> ofYear(String schoolYear) {
        return list("schoolYear", schoolYear);
    }

    /** The drafts of the year in SIREN order (then kind), locked. */
    public List<ContributionCall> draftsToIssue(String schoolYear) {
        return find("schoolYear = ?1 and status = ?2", Sort.by("memberId").and("kind"), schoolYear, CallStatus.DRAFT)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Art. 4.4, rule 18: a period is called once one of its calls has been numbered. */
    public boolean isCalled(String schoolYear) {
        return count("schoolYear = ?1 and number is not null", schoolYear) > 0;
    }

    /** Calls by year and member (each filter optional), drafts only when asked; by year, member, kind, creation. */
    public List<ContributionCall> search(String schoolYear, String memberId, boolean withDrafts) {
        return query(schoolYear, memberId, withDrafts).list();
    }

    /** A page of {@link #search}, and its total. */
    public PageOf<ContributionCall> search(String schoolYear, String memberId, boolean withDrafts, int page, int size) {
        PanacheQuery<ContributionCall> query = query(schoolYear, memberId, withDrafts);
        return new PageOf<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    private PanacheQuery<ContributionCall> query(String schoolYear, String memberId, boolean withDrafts) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (schoolYear != null) {
            query.append(" and schoolYear = :year");
            params.put("year", schoolYear);
        }
        if (memberId != null) {
            query.append(" and memberId = :member");
            params.put("member", memberId);
        }
        if (!withDrafts) {
            query.append(" and status <> :draft");
            params.put("draft", CallStatus.DRAFT);
        }
        return find(query.toString(), LISTING, params);
    }
}
