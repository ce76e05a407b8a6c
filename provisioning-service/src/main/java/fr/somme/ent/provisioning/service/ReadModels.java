package fr.somme.ent.provisioning.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.somme.ent.provisioning.messaging.InboundEvents.AdhesionEffective;
import fr.somme.ent.provisioning.messaging.InboundEvents.DesignatedSchool;
import fr.somme.ent.provisioning.messaging.InboundEvents.DesignationsChanged;
import fr.somme.ent.provisioning.messaging.InboundEvents.MembershipTerminated;
import fr.somme.ent.provisioning.messaging.InboundEvents.OptOutNotified;
import fr.somme.ent.provisioning.messaging.InboundEvents.ProjectData;

/**
 * The read models, fed only by events of ent.membership.v1 and ent.projects.v1 (no call to another service).
 * Every method is idempotent on its own (upserts, revision checks), so a replay from the start rebuilds the same state.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ReadModels {

    /** Tables rebuilt by a replay (README "Replay"). */
    public static final List<String> TABLES = List.of("rm_adhesion", "rm_designation_revision", "rm_designation",
            "rm_termination", "rm_opt_out", "rm_project");

    private final Sql sql;

    public ReadModels(Sql sql) {
        this.sql = sql;
    }

    public void adhesionEffective(AdhesionEffective a) {
        sql.update("INSERT INTO rm_adhesion (member_id, adhesion_id, member_kind, effective_date) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (member_id) DO UPDATE SET adhesion_id = EXCLUDED.adhesion_id, "
                + "member_kind = EXCLUDED.member_kind, effective_date = EXCLUDED.effective_date",
                a.memberId(), a.adhesionId(), a.memberKind(), a.effectiveDate());
        // The designation the adhesion took effect with counts as revision 0: any designations-changed replaces it.
        replaceDesignations(a.memberId(), a.schoolYear(), 0, a.schools());
    }

    public void designationsChanged(DesignationsChanged d) {
        replaceDesignations(d.memberId(), d.schoolYear(), d.revision(), d.schools());
    }

    private void replaceDesignations(String memberId, String schoolYear, int revision, List<DesignatedSchool> schools) {
        int applied = sql.update("INSERT INTO rm_designation_revision (member_id, school_year, revision) VALUES (?, ?, ?) "
                + "ON CONFLICT (member_id, school_year) DO UPDATE SET revision = EXCLUDED.revision "
                + "WHERE rm_designation_revision.revision < EXCLUDED.revision", memberId, schoolYear, revision);
        if (applied == 0) {
            return; // an older or equal revision: the read model already holds newer designations
        }
        sql.update("DELETE FROM rm_designation WHERE member_id = ? AND school_year = ?", memberId, schoolYear);
        List<Object[]> rows = new ArrayList<>();
        for (DesignatedSchool s : schools) {
            rows.add(new Object[] { memberId, schoolYear, s.uai(), s.classes(), s.students() });
        }
        sql.batch("INSERT INTO rm_designation (member_id, school_year, uai, classes, students) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", rows);
    }

    public void membershipTerminated(MembershipTerminated t) {
        sql.update("INSERT INTO rm_termination (member_id, termination_id, effective_date) VALUES (?, ?, ?) "
                + "ON CONFLICT (member_id) DO UPDATE SET termination_id = EXCLUDED.termination_id, "
                + "effective_date = EXCLUDED.effective_date", t.memberId(), t.terminationId(), t.effectiveDate());
    }

    public void optOutNotified(OptOutNotified o) {
        List<Object[]> rows = new ArrayList<>();
        for (String c : o.components()) {
            rows.add(new Object[] { o.optOutId(), o.memberId(), c, o.effectiveFromSchoolYear() });
        }
        sql.batch("INSERT INTO rm_opt_out (opt_out_id, member_id, component, effective_from_year) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", rows);
    }

    /** A validated project enters the gate as a PENDING class (if it is not known yet). */
    public void projectValidated(ProjectData p, LocalDate fallbackDate, Instant now) {
        upsertProject(p, "VALIDATED", p.validatedOn() != null ? p.validatedOn() : fallbackDate);
        sql.update("INSERT INTO class_deployment (project_id, status, reasons, school_uai, school_year, class_label, "
                + "teacher_id, students, updated_at) VALUES (?, 'PENDING', '', ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id) DO NOTHING",
                p.projectId(), p.schoolUai(), p.schoolYear(), p.classLabel(), p.teacherId(), p.students(), now);
    }

    public void projectWithdrawn(ProjectData p, LocalDate fallbackDate) {
        upsertProject(p, "WITHDRAWN", p.withdrawnOn() != null ? p.withdrawnOn() : fallbackDate);
    }

    private void upsertProject(ProjectData p, String status, LocalDate date) {
        sql.update("INSERT INTO rm_project (project_id, school_uai, teacher_id, class_label, school_year, students, "
                + "requested_resources, status, status_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET "
                + "school_uai = EXCLUDED.school_uai, teacher_id = EXCLUDED.teacher_id, class_label = EXCLUDED.class_label, "
                + "school_year = EXCLUDED.school_year, students = EXCLUDED.students, "
                + "requested_resources = EXCLUDED.requested_resources, status = EXCLUDED.status, status_date = EXCLUDED.status_date",
                p.projectId(), p.schoolUai(), p.teacherId(), p.classLabel(), p.schoolYear(), p.students(),
                String.join(",", p.requestedResources()), status, date);
    }

    /** Empties the read models and forgets which events were applied, before a replay (README "Replay"). */
    public void reset(List<String> consumers) {
        for (String table : TABLES) {
            sql.update("DELETE FROM " + table);
        }
        sql.update("DELETE FROM processed_event WHERE consumer = ANY(?)", (Object) consumers.toArray(String[]::new));
    }
}
