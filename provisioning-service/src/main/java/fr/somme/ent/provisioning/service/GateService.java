package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.ClassStatus;
import fr.somme.ent.provisioning.domain.CloseReason;
import fr.somme.ent.provisioning.domain.DeploymentGate;
import fr.somme.ent.provisioning.domain.DeploymentGate.Decision;
import fr.somme.ent.provisioning.domain.GateInput;
import fr.somme.ent.provisioning.domain.SchoolYearCalendar;
import fr.somme.ent.provisioning.repository.AdvisoryLocks;
import fr.somme.ent.provisioning.repository.ClassDeploymentRepository;

/**
 * Runs the deployment gate (rule 9) on classes whose inputs changed: deploys (inside the school year's roll-out
 * window), keeps pending with reasons, discards a pending class whose project was withdrawn (rule 8), or closes a
 * deployed one (withdrawal, termination) at the effective date. The classes one run deploys are deployed together
 * (set-based, issue #15), in the order of their project ids, as they were decided. Evaluations are serialised by a PostgreSQL advisory lock taken
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
    private final SchoolYearCalendar calendar;
    private final Clock clock;

    public GateService(ClassDeploymentRepository classes, AdvisoryLocks locks, DeploymentService deployments,
            SchoolYearCalendar calendar, Clock clock) {
        this.classes = classes;
        this.locks = locks;
        this.deployments = deployments;
        this.calendar = calendar;
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

    /** The member's classes, and those of the schools its new list for that year no longer holds (released). */
    public int reevaluateMember(String memberId, String schoolYear, List<String> releasedSchools) {
        locks.lock(GATE_LOCK);
        Set<UUID> ids = new LinkedHashSet<>(classes.openClassesOfMember(memberId));
        ids.addAll(classes.openClassesAtSchools(schoolYear, releasedSchools));
        return reevaluate(List.copyOf(ids));
    }

    /** What time alone changes: adhesions reaching their effective date, terminations taking effect. */
    public int reevaluateDue() {
        locks.lock(GATE_LOCK);
        return reevaluate(classes.dueForReevaluation(LocalDate.now(clock)));
    }

    /** Returns how many classes were deployed, discarded or closed. */
    int reevaluate(List<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return 0;
        }
        locks.lock(GATE_LOCK);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        int changed = 0;
        List<DeploymentService.Rollout> ready = new ArrayList<>();
        for (GateInput input : classes.gateInputs(projectIds)) {
            ClassDeployment c = input.deployment();
            if (c.status() == ClassStatus.PENDING) {
                changed += decidePending(input, today, now, ready);
            } else if (c.status() == ClassStatus.DEPLOYED) {
                Optional<CloseReason> close = DeploymentGate.deployedClassClosesOnWithdrawalOrItsMembersTermination(
                        input.projectValidated(), input.classMember(), today);
                if (close.isPresent()) {
                    deployAll(ready, today, now); // the outbox keeps the order of the classes
                    deployments.close(input, close.get(), now);
                    changed++;
                }
            }
        }
        deployAll(ready, today, now);
        return changed;
    }

    private void deployAll(List<DeploymentService.Rollout> ready, LocalDate today, Instant now) {
        deployments.deployAll(ready, today, now);
        ready.clear();
    }

    /**
     * Deploys (added to {@code ready}: the classes of one run are deployed together), or discards (withdrawn), or keeps
     * pending with the reasons; 1 when the class is deployed or discarded.
     */
    private int decidePending(GateInput input, LocalDate today, Instant now, List<DeploymentService.Rollout> ready) {
        ClassDeployment c = input.deployment();
        Optional<String> yearReason = calendar.classDeploysOnlyFromTheRollOutOpeningUntilTheEndOfItsSchoolYear(
                SchoolYear.parse(c.schoolYear()), today);
        Decision decision = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                input.projectValidated(), yearReason, input.designations(), today);
        if (decision.deploy()) {
            ready.add(new DeploymentService.Rollout(input, decision.by().orElseThrow()));
            return 1;
        }
        if (!input.projectValidated()) {
            deployments.discard(c, input.projectStatusDate(), CloseReason.PROJECT_WITHDRAWN, now);
            return 1;
        }
        if (c.keepPending(decision.reasons())) {
            classes.savePending(c, now);
        }
        return 0;
    }
}
