package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.ClassStatus;
import fr.somme.ent.provisioning.domain.CloseReason;
import fr.somme.ent.provisioning.domain.SchoolYearCalendar;
import fr.somme.ent.provisioning.repository.AdvisoryLocks;
import fr.somme.ent.provisioning.repository.ClassDeploymentRepository;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Rule 9 (art. 2): at the end of 31 August of a school year, every class of that year still deployed closes on that
 * day (access-ended SCHOOL_YEAR_ENDED, accounts closed, licences revoked: the path a termination takes), and every
 * class that never deployed is discarded with its roster. Serialised with the gate by its advisory lock; each class's
 * transition is guarded in SQL, so a second run, or a second replica, closes nothing and publishes nothing.
 */
@ApplicationScoped
public class SchoolYearClosure {

    private static final Logger LOG = Logger.getLogger(SchoolYearClosure.class);
    public static final long YEAR_END_LOCK = 0x5052_4f56_5945_4e44L;

    /** What one year's closure did. */
    public record Outcome(String schoolYear, int closed, int discarded) {
    }

    private final ClassDeploymentRepository classes;
    private final DeploymentService deployments;
    private final AdvisoryLocks locks;
    private final Clock clock;

    public SchoolYearClosure(ClassDeploymentRepository classes, DeploymentService deployments, AdvisoryLocks locks,
            Clock clock) {
        this.classes = classes;
        this.deployments = deployments;
        this.locks = locks;
        this.clock = clock;
    }

    /** The operator's run for one year: refused (422 school-year-not-ended) while the clock says it has not ended. */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Outcome close(SchoolYear year) {
        SchoolYearCalendar.requireEnded(year, LocalDate.now(clock));
        locks.lock(GateService.GATE_LOCK);
        return closeYear(year);
    }

    /**
     * The scheduled run: every school year that has ended and still holds deployed or pending classes. Null when
     * another replica is running it (it holds the lock).
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public List<Outcome> closeEndedYears() {
        if (!locks.tryLock(YEAR_END_LOCK)) {
            return null;
        }
        locks.lock(GateService.GATE_LOCK);
        LocalDate today = LocalDate.now(clock);
        List<Outcome> outcomes = new ArrayList<>();
        for (String name : classes.schoolYearsWithOpenClasses()) {
            SchoolYear year = SchoolYear.parse(name);
            if (SchoolYearCalendar.hasEnded(year, today)) {
                outcomes.add(closeYear(year));
            }
        }
        return outcomes;
    }

    private Outcome closeYear(SchoolYear year) {
        LocalDate end = SchoolYearCalendar.accessEndsOn(year);
        Instant now = clock.instant();
        int closed = 0;
        for (ClassDeployment c : classes.ofSchoolYear(year.name(), ClassStatus.DEPLOYED)) {
            closed += deployments.closeClass(c, end, CloseReason.SCHOOL_YEAR_ENDED, now) ? 1 : 0;
        }
        int discarded = 0;
        for (ClassDeployment c : classes.ofSchoolYear(year.name(), ClassStatus.PENDING)) {
            discarded += deployments.discard(c, end, CloseReason.SCHOOL_YEAR_ENDED, now) ? 1 : 0;
        }
        LOG.infof("school year %s ended on %s: %d class(es) closed, %d pending class(es) discarded", year, end, closed,
                discarded);
        return new Outcome(year.name(), closed, discarded);
    }
}
