package fr.somme.ent.provisioning.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.ClassOverview;
import fr.somme.ent.provisioning.domain.ClassStatus;
import fr.somme.ent.provisioning.domain.Licence;

/** Classes as their readers see them: the class, counts of accounts and roster lines, licences. */
@ApplicationScoped
public class ClassOverviewRepository {

    /**
     * Counts from the covering index {@code account_project_counts} (V42: index-only, one probe per class), roster lines
     * from the roster's primary key.
     */
    private static final String OVERVIEW = "SELECT c.*, coalesce(n.teacher_accounts, 0) AS teacher_accounts, "
            + "coalesce(n.student_accounts, 0) AS student_accounts, coalesce(n.active_accounts, 0) AS active_accounts, "
            + "(SELECT count(*) FROM roster_entry r WHERE r.project_id = c.project_id) AS roster_entries "
            + "FROM class_deployment c LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE a.role = 'TEACHER') AS teacher_accounts, "
            + "count(*) FILTER (WHERE a.role = 'STUDENT') AS student_accounts, "
            + "count(*) FILTER (WHERE a.state = 'ACTIVE') AS active_accounts "
            + "FROM account a WHERE a.project_id = c.project_id) n ON true ";

    private final Jdbc jdbc;

    public ClassOverviewRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClassOverview> find(UUID projectId) {
        return withLicences(jdbc.list(OVERVIEW + "WHERE c.project_id = ?", ClassOverviewRepository::map, projectId))
                .stream().findFirst();
    }

    /**
     * Status and member optional (null: any), newest school year first. Only the filters given are in the statement
     * (no {@code ? IS NULL OR}), so that a prepared statement's generic plan still uses the indexes of V42.
     */
    public List<ClassOverview> list(ClassStatus status, String memberId, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String where = where(status, memberId, params);
        params.add(limit);
        params.add(offset);
        return withLicences(jdbc.select(OVERVIEW + where
                + " ORDER BY c.school_year DESC, c.school_uai, c.class_label, c.project_id LIMIT ? OFFSET ?", params,
                ClassOverviewRepository::map));
    }

    /** How many classes {@link #list} pages through. */
    public long count(ClassStatus status, String memberId) {
        List<Object> params = new ArrayList<>();
        String where = where(status, memberId, params);
        return jdbc.select("SELECT count(*) AS n FROM class_deployment c " + where, params, rs -> rs.getLong("n")).get(0);
    }

    private static String where(ClassStatus status, String memberId, List<Object> params) {
        List<String> where = new ArrayList<>();
        if (status != null) {
            where.add("c.status = ?");
            params.add(status.name());
        }
        if (memberId != null) {
            where.add("c.member_id = ?");
            params.add(memberId);
        }
        return where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where);
    }

    private List<ClassOverview> withLicences(List<ClassOverview> classes) {
        if (classes.isEmpty()) {
            return classes;
        }
        Map<UUID, List<Licence>> licences = new HashMap<>();
        jdbc.list("SELECT project_id, resource_code, quantity, unit_price, state FROM licence "
                + "WHERE project_id = ANY(?::uuid[]) ORDER BY resource_code", rs -> licences
                        .computeIfAbsent(rs.getObject("project_id", UUID.class), k -> new ArrayList<>())
                        .add(LicenceRepository.map(rs)),
                (Object) Jdbc.uuids(classes.stream().map(c -> c.deployment().projectId()).toList()));
        return classes.stream().map(c -> new ClassOverview(c.deployment(), c.teacherAccounts(), c.studentAccounts(),
                c.activeAccounts(), c.rosterEntries(), licences.getOrDefault(c.deployment().projectId(), List.of()))).toList();
    }

    private static ClassOverview map(ResultSet rs) throws SQLException {
        return new ClassOverview(ClassDeploymentRepository.map(rs), rs.getInt("teacher_accounts"), rs.getInt("student_accounts"),
                rs.getInt("active_accounts"), rs.getInt("roster_entries"), List.of());
    }
}
