package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.ClassStatus;
import fr.somme.ent.provisioning.domain.DeploymentGate;
import fr.somme.ent.provisioning.domain.DeploymentGate.Decision;
import fr.somme.ent.provisioning.domain.GateInput;
import fr.somme.ent.provisioning.repository.AdvisoryLocks;
import fr.somme.ent.provisioning.repository.ClassDeploymentRepository;

/**
 * Runs the deployment gate (rule 9) on classes whose inputs changed: deploys, keeps pending with reasons, or closes
 * (withdrawal, termination) at the effective date. Evaluations are serialised by a PostgreSQL advisory lock taken
 * after the caller wrote its read-model change, so that two events arriving at the same time on the two topics
 * (project validated, school designated) cannot both miss each other.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class GateService {

    static final long GATE_LOCK = 0x5052_4f56_4741_5445L;

    private final ClassDeploymentRepository classes;
    private final AdvisoryLocks locks;
    private final DeploymentService deployments;
    private final Clock clock;

    public GateService(ClassDeploymentRepository classes, AdvisoryLocks locks, DeploymentService deployments, Clock clock) {
        this.classes = classes;
        this.locks = locks;
        this.deployments = deployments;
        this.clock = clock;
    }

    public int reevaluateProject(UUID projectId) {
        return reevaluate(List.of(projectId));
    }

    /** Every class not closed at a school the member designates (any year) or already deployed for the member. */
    public int reevaluateMember(String memberId) {
        locks.lock(GATE_LOCK);
        return reevaluate(classes.openClassesOfMember(memberId));
    }

    /** What time alone changes: adhesions reaching their effective date, terminations taking effect. */
    public int reevaluateDue() {
        locks.lock(GATE_LOCK);
        return reevaluate(classes.dueForReevaluation(LocalDate.now(clock)));
    }

    /** Returns how many classes were deployed or closed. */
    int reevaluate(List<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return 0;
        }
        locks.lock(GATE_LOCK);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        int changed = 0;
        for (GateInput input : classes.gateInputs(projectIds)) {
            ClassDeployment c = input.deployment();
            if (c.status() == ClassStatus.CLOSED) {
                continue;
            }
            Decision decision = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                    input.projectValidated(), input.designations(), today);
            if (c.status() == ClassStatus.PENDING) {
                if (decision.deploy()) {
                    deployments.deploy(input, decision.by().orElseThrow(), today, now);
                    changed++;
                } else if (c.keepPending(decision.reasons())) {
                    classes.savePending(c, now);
                }
            } else if (DeploymentGate.deployedClassClosesOnWithdrawalOrTermination(decision)) {
                deployments.close(input, decision, now);
                changed++;
            }
        }
        return changed;
    }
}
