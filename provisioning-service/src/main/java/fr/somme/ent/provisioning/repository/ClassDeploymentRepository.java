package fr.somme.ent.provisioning.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.ClassStatus;
import fr.somme.ent.provisioning.domain.CloseReason;
import fr.somme.ent.provisioning.domain.DeploymentGate.Designation;
import fr.somme.ent.provisioning.domain.GateInput;
import fr.somme.ent.provisioning.domain.SchoolLevel;

/** Table {@code class_deployment}: the gate's outcome per validated project, and what the gate reads to decide. */
@ApplicationScoped
public class ClassDeploymentRepository {

    private final Jdbc jdbc;

    public ClassDeploymentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A validated project enters the gate as a PENDING class, unless it is known already. {@code teacherSub} is null
     * when the event did not carry it (a project written before subjects were recorded).
     */
    public void insertPendingIfNew(UUID projectId, String schoolUai, String schoolYear, String classLabel, String teacherId,
            String teacherSub, int students, Instant now) {
        jdbc.update("INSERT INTO class_deployment (project_id, status, reasons, school_uai, school_year, class_label, "
                + "teacher_id, teacher_sub, students, updated_at) VALUES (?, 'PENDING', '', ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (project_id) DO NOTHING",
                projectId, schoolUai, schoolYear, classLabel, teacherId, teacherSub, students, now);
    }

    public Optional<ClassDeployment> find(UUID projectId) {
        return jdbc.one("SELECT * FROM class_deployment WHERE project_id = ?", ClassDeploymentRepository::map, projectId);
    }

    /** Classes not closed at a school the member designates (any year) or already deployed for the member. */
    public List<UUID> openClassesOfMember(String memberId) {
        return jdbc.list("SELECT c.project_id FROM class_deployment c WHERE c.status IN ('PENDING', 'DEPLOYED') AND (c.member_id = ? "
                + "OR EXISTS (SELECT 1 FROM rm_designation d WHERE d.member_id = ? AND d.uai = c.school_uai "
                + "AND d.school_year = c.school_year))", rs -> rs.getObject("project_id", UUID.class), memberId, memberId);
    }

    /**
     * What time alone changes: classes waiting for an adhesion date or for their roll-out window, deployed classes
     * whose member's termination is due (and not superseded by a later adhesion).
     */
    public List<UUID> dueForReevaluation(LocalDate today) {
        return jdbc.list("SELECT c.project_id FROM class_deployment c WHERE (c.status = 'PENDING' "
                + "AND (c.reasons LIKE '%adhesion-not-effective%' OR c.reasons LIKE '%school-year-not-open%')) "
                + "OR (c.status = 'DEPLOYED' AND EXISTS (SELECT 1 FROM rm_termination t WHERE t.member_id = c.member_id "
                + "AND t.effective_date <= ? AND NOT EXISTS (SELECT 1 FROM rm_adhesion a WHERE a.member_id = t.member_id "
                + "AND a.effective_date > t.effective_date)))",
                rs -> rs.getObject("project_id", UUID.class), today);
    }

    /** Classes not closed nor discarded at these schools for that school year (a member released them). */
    public List<UUID> openClassesAtSchools(String schoolYear, List<String> uais) {
        if (uais.isEmpty()) {
            return List.of();
        }
        return jdbc.list("SELECT project_id FROM class_deployment WHERE school_year = ? AND school_uai = ANY(?::text[]) "
                + "AND status IN ('PENDING', 'DEPLOYED')", rs -> rs.getObject("project_id", UUID.class), schoolYear,
                (Object) uais.toArray(String[]::new));
    }

    /** The school years that still hold classes deployed or pending, oldest first. */
    public List<String> schoolYearsWithOpenClasses() {
        return jdbc.list("SELECT DISTINCT school_year FROM class_deployment WHERE status IN ('PENDING', 'DEPLOYED') "
                + "ORDER BY school_year", rs -> rs.getString("school_year"));
    }

    /** The classes of that school year in that status (the year-end closure: deployed, then pending). */
    public List<ClassDeployment> ofSchoolYear(String schoolYear, ClassStatus status) {
        return jdbc.list("SELECT * FROM class_deployment WHERE school_year = ? AND status = ? ORDER BY project_id",
                ClassDeploymentRepository::map, schoolYear, status.name());
    }

    /** Each class with its project and every member designating its school for its year (one row per designation). */
    public List<GateInput> gateInputs(List<UUID> projectIds) {
        Map<UUID, GateInput> inputs = new LinkedHashMap<>();
        jdbc.list("SELECT c.*, p.status AS project_status, p.status_date AS project_status_date, p.requested_resources, "
                + "d.member_id AS designating_member, d.level, a.member_kind, a.effective_date AS adhesion_date, "
                + "t.effective_date AS termination_date, ca.member_kind AS class_member_kind, "
                + "ca.effective_date AS class_member_adhesion_date, ct.effective_date AS class_member_termination_date, "
                + "EXISTS (SELECT 1 FROM rm_opt_out o WHERE o.member_id = d.member_id AND o.component = 'ACCOUNTS' "
                + "  AND o.effective_from_year <= c.school_year) AS accounts_opted_out "
                + "FROM class_deployment c JOIN rm_project p ON p.project_id = c.project_id "
                + "LEFT JOIN rm_designation d ON d.uai = c.school_uai AND d.school_year = c.school_year "
                + "LEFT JOIN rm_adhesion a ON a.member_id = d.member_id "
                + "LEFT JOIN rm_termination t ON t.member_id = d.member_id "
                + "LEFT JOIN rm_adhesion ca ON ca.member_id = c.member_id "
                + "LEFT JOIN rm_termination ct ON ct.member_id = c.member_id "
                + "WHERE c.project_id = ANY(?::uuid[]) ORDER BY c.project_id", rs -> {
                    UUID id = rs.getObject("project_id", UUID.class);
                    GateInput input = inputs.get(id);
                    if (input == null) {
                        input = new GateInput(map(rs), "VALIDATED".equals(rs.getString("project_status")),
                                rs.getObject("project_status_date", LocalDate.class), list(rs.getString("requested_resources")),
                                new ArrayList<>(), classMember(rs));
                        inputs.put(id, input);
                    }
                    String member = rs.getString("designating_member");
                    if (member != null) {
                        input.designations().add(new Designation(member, rs.getString("member_kind"),
                                rs.getObject("adhesion_date", LocalDate.class), rs.getObject("termination_date", LocalDate.class),
                                rs.getBoolean("accounts_opted_out"), rs.getString("level")));
                    }
                    return input;
                }, (Object) Jdbc.uuids(projectIds));
        return List.copyOf(inputs.values());
    }

    /** The member a deployed class belongs to, as the read model knows it (null before deployment). */
    private static Designation classMember(ResultSet rs) throws SQLException {
        String member = rs.getString("member_id");
        return member == null ? null : new Designation(member, rs.getString("class_member_kind"),
                rs.getObject("class_member_adhesion_date", LocalDate.class),
                rs.getObject("class_member_termination_date", LocalDate.class), false, rs.getString("school_level"));
    }

    public void savePending(ClassDeployment c, Instant now) {
        jdbc.update("UPDATE class_deployment SET reasons = ?, updated_at = ? WHERE project_id = ?",
                String.join(",", c.reasons()), now, c.projectId());
    }

    /** The classes as deployed (status, member, level, dates), in one statement. */
    public void saveAllDeployed(List<ClassDeployment> deployed, Instant now) {
        jdbc.update("UPDATE class_deployment c SET status = 'DEPLOYED', reasons = '', member_id = u.member_id, "
                + "school_level = u.school_level, deployed_on = u.deployed_on, access_start_date = u.access_start_date, "
                + "updated_at = ? FROM unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::date[]) "
                + "AS u(project_id, member_id, school_level, deployed_on, access_start_date) WHERE c.project_id = u.project_id",
                now, texts(deployed, ClassDeployment::projectId), texts(deployed, ClassDeployment::memberId),
                texts(deployed, ClassDeployment::schoolLevel), texts(deployed, ClassDeployment::deployedOn),
                texts(deployed, ClassDeployment::accessStartDate));
    }

    private static Object texts(List<ClassDeployment> rows, java.util.function.Function<ClassDeployment, Object> value) {
        return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** False when the class was no longer deployed (another transaction closed it first): the row is the guard. */
    public boolean saveClosed(ClassDeployment c, Instant now) {
        return jdbc.update("UPDATE class_deployment SET status = ?, closed_on = ?, close_reason = ?, updated_at = ? "
                + "WHERE project_id = ? AND status = 'DEPLOYED'", c.status(), c.closedOn(), c.closeReason(), now,
                c.projectId()) == 1;
    }

    /** False when the class was no longer pending (deployed or discarded meanwhile): the row is the guard. */
    public boolean saveDiscarded(ClassDeployment c, Instant now) {
        return jdbc.update("UPDATE class_deployment SET status = ?, reasons = '', closed_on = ?, close_reason = ?, "
                + "updated_at = ? WHERE project_id = ? AND status = 'PENDING'", c.status(), c.closedOn(), c.closeReason(),
                now, c.projectId()) == 1;
    }

    /** False when another request handed the sheet out first (the row is the guard, not the loaded state). */
    public boolean saveLoginSheetIssued(ClassDeployment c, String by, Instant now) {
        return jdbc.update("UPDATE class_deployment SET login_sheet_issued_at = ?, login_sheet_issued_by = ?, updated_at = ? "
                + "WHERE project_id = ? AND login_sheet_issued_at IS NULL", now, by, now, c.projectId()) == 1;
    }

    /** A {@code class_deployment} row (all its columns selected), by column name. */
    static ClassDeployment map(ResultSet rs) throws SQLException {
        String level = rs.getString("school_level");
        String closeReason = rs.getString("close_reason");
        return new ClassDeployment(rs.getObject("project_id", UUID.class), ClassStatus.valueOf(rs.getString("status")),
                list(rs.getString("reasons")), rs.getString("member_id"), rs.getString("school_uai"),
                rs.getString("school_year"), rs.getString("class_label"), level == null ? null : SchoolLevel.valueOf(level),
                rs.getString("teacher_id"), rs.getString("teacher_sub"), rs.getInt("students"),
                rs.getObject("deployed_on", LocalDate.class),
                rs.getObject("access_start_date", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                closeReason == null ? null : CloseReason.valueOf(closeReason), rs.getTimestamp("login_sheet_issued_at") != null);
    }

    /** Comma-separated text as stored in {@code reasons} and {@code requested_resources}. */
    static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
