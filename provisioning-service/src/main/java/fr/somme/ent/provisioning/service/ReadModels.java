package fr.somme.ent.provisioning.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.somme.ent.provisioning.domain.ProjectStatus;
import fr.somme.ent.provisioning.messaging.InboundEvents.AdhesionEffective;
import fr.somme.ent.provisioning.messaging.InboundEvents.DesignatedSchool;
import fr.somme.ent.provisioning.messaging.InboundEvents.DesignationsChanged;
import fr.somme.ent.provisioning.messaging.InboundEvents.MembershipTerminated;
import fr.somme.ent.provisioning.messaging.InboundEvents.OptOutNotified;
import fr.somme.ent.provisioning.messaging.InboundEvents.ProjectData;
import fr.somme.ent.provisioning.repository.BilanRepository;
import fr.somme.ent.provisioning.repository.ClassDeploymentRepository;
import fr.somme.ent.provisioning.repository.ReadModelRepository;
import fr.somme.ent.provisioning.repository.ReadModelRepository.Project;
import fr.somme.ent.provisioning.repository.ReadModelRepository.School;

/**
 * The read models, fed only by events of ent.membership.v1 and ent.projects.v1 (no call to another service).
 * Every method is idempotent on its own (upserts, revision checks), so a replay from the start rebuilds the same state.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ReadModels {

    /** Tables rebuilt by a replay (README "Replay"). */
    public static final List<String> TABLES = ReadModelRepository.TABLES;

    private final ReadModelRepository readModels;
    private final ClassDeploymentRepository classes;
    private final BilanRepository bilans;

    public ReadModels(ReadModelRepository readModels, ClassDeploymentRepository classes, BilanRepository bilans) {
        this.readModels = readModels;
        this.classes = classes;
        this.bilans = bilans;
    }

    /**
     * The designation the adhesion took effect with counts as revision 0: any designations-changed replaces it; a
     * re-adhesion (effective after the member's termination) restarts the year's list. Returns the schools the year's
     * list held before, when it was replaced.
     */
    public List<String> adhesionEffective(AdhesionEffective a) {
        readModels.upsertAdhesion(a.memberId(), a.adhesionId(), a.memberKind(), a.effectiveDate());
        return readModels.replaceDesignationsOfAdhesion(a.memberId(), a.adhesionId(), a.schoolYear(), schools(a.schools()));
    }

    /** A higher revision replaces the year's list (empty: released); returns the schools it held before. */
    public List<String> designationsChanged(DesignationsChanged d) {
        return readModels.replaceDesignations(d.memberId(), d.adhesionId(), d.schoolYear(), d.revision(), schools(d.schools()));
    }

    private static List<School> schools(List<DesignatedSchool> schools) {
        return schools.stream().map(s -> new School(s.uai(), s.classes(), s.students(), s.level())).toList();
    }

    public void membershipTerminated(MembershipTerminated t) {
        readModels.upsertTermination(t.memberId(), t.terminationId(), t.effectiveDate());
    }

    public void optOutNotified(OptOutNotified o) {
        readModels.insertOptOut(o.optOutId(), o.memberId(), o.components(), o.effectiveFromSchoolYear());
    }

    /** A validated project enters the gate as a PENDING class (if it is not known yet). */
    public void projectValidated(ProjectData p, LocalDate fallbackDate, Instant now) {
        readModels.upsertProject(project(p), ProjectStatus.VALIDATED, p.validatedOn() != null ? p.validatedOn() : fallbackDate);
        classes.insertPendingIfNew(p.projectId(), p.schoolUai(), p.schoolYear(), p.classLabel(), p.teacherId(), p.teacherSub(),
                p.students(), now);
        if (p.circonscriptionCode() != null) {
            bilans.recordCirconscription(p.projectId(), p.circonscriptionCode()); // the bilans per circonscription (art. 5)
        }
    }

    public void projectWithdrawn(ProjectData p, LocalDate fallbackDate) {
        readModels.upsertProject(project(p), ProjectStatus.WITHDRAWN, p.withdrawnOn() != null ? p.withdrawnOn() : fallbackDate);
    }

    private static Project project(ProjectData p) {
        return new Project(p.projectId(), p.schoolUai(), p.teacherId(), p.classLabel(), p.schoolYear(), p.students(),
                p.requestedResources());
    }

    /** Empties the read models and forgets which events were applied, before a replay (README "Replay"). */
    @Transactional
    public void reset(List<String> consumers) {
        readModels.reset(consumers);
    }
}
