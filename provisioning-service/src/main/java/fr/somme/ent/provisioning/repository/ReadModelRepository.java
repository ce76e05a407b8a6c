package fr.somme.ent.provisioning.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.ProjectStatus;

/**
 * The read models {@code rm_*}, fed only by events. Every write is an upsert (designations: only a higher revision
 * replaces the year's list), so a replay from the start rebuilds the same state.
 */
@ApplicationScoped
public class ReadModelRepository {

    /** Tables rebuilt by a replay (README "Replay"). */
    public static final List<String> TABLES = List.of("rm_adhesion", "rm_designation_revision", "rm_designation",
            "rm_termination", "rm_opt_out", "rm_project");

    /** A designated school of a member for a school year; level ECOLE/COLLEGE, or null when the event did not say. */
    public record School(String uai, int classes, int students, String level) {
    }

    /** A project as the read model keeps it. */
    public record Project(UUID projectId, String schoolUai, String teacherId, String classLabel, String schoolYear,
            int students, List<String> requestedResources) {
    }

    private final Jdbc jdbc;

    public ReadModelRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void upsertAdhesion(String memberId, UUID adhesionId, String memberKind, LocalDate effectiveDate) {
        jdbc.update("INSERT INTO rm_adhesion (member_id, adhesion_id, member_kind, effective_date) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (member_id) DO UPDATE SET adhesion_id = EXCLUDED.adhesion_id, "
                + "member_kind = EXCLUDED.member_kind, effective_date = EXCLUDED.effective_date",
                memberId, adhesionId, memberKind, effectiveDate);
    }

    /**
     * Replaces the member's designated schools for the year, only if this revision is higher than the stored one;
     * returns the schools the year's list held before (empty when the event was not applied).
     */
    public List<String> replaceDesignations(String memberId, UUID adhesionId, String schoolYear, int revision,
            List<School> schools) {
        int applied = jdbc.update("INSERT INTO rm_designation_revision (member_id, school_year, revision, adhesion_id) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (member_id, school_year) DO UPDATE SET revision = EXCLUDED.revision, "
                + "adhesion_id = EXCLUDED.adhesion_id WHERE rm_designation_revision.revision < EXCLUDED.revision",
                memberId, schoolYear, revision, adhesionId);
        return applied == 0 ? List.of() : replaceSchools(memberId, schoolYear, schools);
    }

    /**
     * The designations an adhesion took effect with (revision 0): stored unless the year already has a list, except
     * after a re-adhesion (art. 6): a new adhesion, effective after the member's termination, restarts the year's
     * designations from its own, whatever revision the released list had. Returns the schools held before.
     */
    public List<String> replaceDesignationsOfAdhesion(String memberId, UUID adhesionId, String schoolYear,
            List<School> schools) {
        int applied = jdbc.update("INSERT INTO rm_designation_revision (member_id, school_year, revision, adhesion_id) "
                + "VALUES (?, ?, 0, ?) ON CONFLICT (member_id, school_year) DO UPDATE SET revision = 0, "
                + "adhesion_id = EXCLUDED.adhesion_id WHERE rm_designation_revision.adhesion_id IS DISTINCT FROM "
                + "EXCLUDED.adhesion_id AND EXISTS (SELECT 1 FROM rm_adhesion a JOIN rm_termination t ON t.member_id = "
                + "a.member_id WHERE a.member_id = EXCLUDED.member_id AND a.adhesion_id = EXCLUDED.adhesion_id "
                + "AND a.effective_date > t.effective_date)", memberId, schoolYear, adhesionId);
        return applied == 0 ? List.of() : replaceSchools(memberId, schoolYear, schools);
    }

    private List<String> replaceSchools(String memberId, String schoolYear, List<School> schools) {
        List<String> before = jdbc.list("DELETE FROM rm_designation WHERE member_id = ? AND school_year = ? RETURNING uai",
                rs -> rs.getString("uai"), memberId, schoolYear);
        jdbc.batch("INSERT INTO rm_designation (member_id, school_year, uai, classes, students, level) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", schools,
                s -> Arrays.asList(memberId, schoolYear, s.uai(), s.classes(), s.students(), s.level()));
        return before;
    }

    public void upsertTermination(String memberId, UUID terminationId, LocalDate effectiveDate) {
        jdbc.update("INSERT INTO rm_termination (member_id, termination_id, effective_date) VALUES (?, ?, ?) "
                + "ON CONFLICT (member_id) DO UPDATE SET termination_id = EXCLUDED.termination_id, "
                + "effective_date = EXCLUDED.effective_date", memberId, terminationId, effectiveDate);
    }

    public void insertOptOut(UUID optOutId, String memberId, List<String> components, String effectiveFromYear) {
        jdbc.batch("INSERT INTO rm_opt_out (opt_out_id, member_id, component, effective_from_year) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", components, c -> List.of(optOutId, memberId, c, effectiveFromYear));
    }

    public void upsertProject(Project p, ProjectStatus status, LocalDate date) {
        jdbc.update("INSERT INTO rm_project (project_id, school_uai, teacher_id, class_label, school_year, students, "
                + "requested_resources, status, status_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET "
                + "school_uai = EXCLUDED.school_uai, teacher_id = EXCLUDED.teacher_id, class_label = EXCLUDED.class_label, "
                + "school_year = EXCLUDED.school_year, students = EXCLUDED.students, "
                + "requested_resources = EXCLUDED.requested_resources, "
                // a withdrawal is final (project-validation: WITHDRAWN has no way out): a validation delivered after it,
                // out of order, does not bring the project back
                + "status = CASE WHEN rm_project.status = 'WITHDRAWN' THEN rm_project.status ELSE EXCLUDED.status END, "
                + "status_date = CASE WHEN rm_project.status = 'WITHDRAWN' THEN rm_project.status_date ELSE EXCLUDED.status_date END",
                p.projectId(), p.schoolUai(), p.teacherId(), p.classLabel(), p.schoolYear(), p.students(),
                String.join(",", p.requestedResources()), status, date);
    }

    /** A component a member opted out of, from a school year on (art. 4.3). */
    public record OptOut(String component, String effectiveFromYear) {

        /** The components (ACCOUNTS, resource codes) opted out of for that school year. */
        public static Set<String> componentsFor(List<OptOut> optOuts, String schoolYear) {
            Set<String> out = new HashSet<>();
            optOuts.stream().filter(o -> o.effectiveFromYear().compareTo(schoolYear) <= 0).forEach(o -> out.add(o.component()));
            return out;
        }
    }

    /** The opt-outs of these members, by member (a member without any is absent). */
    public Map<String, List<OptOut>> optOutsOf(List<String> memberIds) {
        Map<String, List<OptOut>> out = new HashMap<>();
        jdbc.list("SELECT member_id, component, effective_from_year FROM rm_opt_out WHERE member_id = ANY(?::text[])",
                rs -> out.computeIfAbsent(rs.getString("member_id"), k -> new ArrayList<>())
                        .add(new OptOut(rs.getString("component"), rs.getString("effective_from_year"))),
                (Object) memberIds.stream().distinct().toArray(String[]::new));
        return out;
    }

    /** Empties the read models and forgets which events these consumers applied, before a replay. */
    public void reset(List<String> consumers) {
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("DELETE FROM processed_event WHERE consumer = ANY(?)", (Object) consumers.toArray(String[]::new));
    }
}
