package fr.somme.ent.provisioning.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.Bilan.ClassCounts;
import fr.somme.ent.provisioning.domain.Bilan.ContributionSums;
import fr.somme.ent.provisioning.domain.Bilan.LicenceCount;

/**
 * The figures of the bilans (art. 5), counted per member and circonscription for one school year: the classes of that
 * year that were deployed (closed since or not), their accounts, their licences; the contribution calls billing-service
 * published for that year. {@code memberId} null: every member; otherwise that member's lines only.
 */
@ApplicationScoped
public class BilanRepository {

    private static final String MEMBER = "(CAST(? AS TEXT) IS NULL OR c.member_id = ?)";

    private final Jdbc jdbc;

    public BilanRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The circonscription of the class's school, as project-validated gives it (idempotent). */
    public void recordCirconscription(UUID projectId, String circonscriptionCode) {
        jdbc.update("UPDATE class_deployment SET circonscription_code = ? WHERE project_id = ? "
                + "AND circonscription_code IS DISTINCT FROM ?", circonscriptionCode, projectId, circonscriptionCode);
    }

    public List<ClassCounts> classCounts(String schoolYear, String memberId) {
        return jdbc.list("SELECT c.member_id, c.circonscription_code, count(*) AS deployed, "
                + "count(*) FILTER (WHERE c.status = 'CLOSED') AS closed, "
                + "coalesce(sum(a.created), 0) AS accounts_created, coalesce(sum(a.activated), 0) AS accounts_activated "
                + "FROM class_deployment c CROSS JOIN LATERAL (SELECT count(*) AS created, count(x.activated_at) AS activated "
                + "FROM account x WHERE x.project_id = c.project_id) a "
                + "WHERE c.school_year = ? AND c.deployed_on IS NOT NULL AND " + MEMBER + " "
                + "GROUP BY c.member_id, c.circonscription_code",
                rs -> new ClassCounts(rs.getString("member_id"), rs.getString("circonscription_code"), rs.getLong("deployed"),
                        rs.getLong("closed"), rs.getLong("accounts_created"), rs.getLong("accounts_activated")),
                schoolYear, memberId, memberId);
    }

    public List<LicenceCount> licenceCounts(String schoolYear, String memberId) {
        return jdbc.list("SELECT c.member_id, c.circonscription_code, l.resource_code, sum(l.quantity) AS quantity "
                + "FROM licence l JOIN class_deployment c ON c.project_id = l.project_id "
                + "WHERE c.school_year = ? AND c.deployed_on IS NOT NULL AND " + MEMBER + " "
                + "GROUP BY c.member_id, c.circonscription_code, l.resource_code",
                rs -> new LicenceCount(rs.getString("member_id"), rs.getString("circonscription_code"),
                        rs.getString("resource_code"), rs.getLong("quantity")),
                schoolYear, memberId, memberId);
    }

    /** Called: calls issued and not cancelled; paid: calls recorded as paid. */
    public List<ContributionSums> contributions(String schoolYear, String memberId) {
        return jdbc.list("SELECT c.member_id, "
                + "coalesce(sum(c.amount) FILTER (WHERE c.issued_on IS NOT NULL AND c.cancelled_on IS NULL), 0) AS called, "
                + "coalesce(sum(c.amount) FILTER (WHERE c.paid_on IS NOT NULL), 0) AS paid "
                + "FROM rm_contribution_call c WHERE c.school_year = ? AND " + MEMBER + " GROUP BY c.member_id",
                rs -> new ContributionSums(rs.getString("member_id"), rs.getBigDecimal("called"), rs.getBigDecimal("paid")),
                schoolYear, memberId, memberId);
    }
}
