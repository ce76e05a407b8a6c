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

    private static final String OVERVIEW = "SELECT c.*, "
            + "(SELECT count(*) FROM account a WHERE a.project_id = c.project_id AND a.role = 'TEACHER') AS teacher_accounts, "
            + "(SELECT count(*) FROM account a WHERE a.project_id = c.project_id AND a.role = 'STUDENT') AS student_accounts, "
            + "(SELECT count(*) FROM account a WHERE a.project_id = c.project_id AND a.state = 'ACTIVE') AS active_accounts, "
            + "(SELECT count(*) FROM roster_entry r WHERE r.project_id = c.project_id) AS roster_entries "
            + "FROM class_deployment c ";

    private final Jdbc jdbc;

    public ClassOverviewRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClassOverview> find(UUID projectId) {
        return withLicences(jdbc.list(OVERVIEW + "WHERE c.project_id = ?", ClassOverviewRepository::map, projectId))
                .stream().findFirst();
    }

    /** Status and member optional (null: any), newest school year first. */
    public List<ClassOverview> list(ClassStatus status, String memberId, int limit, int offset) {
        String s = status == null ? null : status.name();
        return withLicences(jdbc.list(OVERVIEW + "WHERE (CAST(? AS TEXT) IS NULL OR c.status = ?) "
                + "AND (CAST(? AS TEXT) IS NULL OR c.member_id = ?) "
                + "ORDER BY c.school_year DESC, c.school_uai, c.class_label, c.project_id LIMIT ? OFFSET ?",
                ClassOverviewRepository::map, s, s, memberId, memberId, limit, offset));
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
