package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.provisioning.domain.PurgeRun;
import fr.somme.ent.provisioning.domain.Retention;
import fr.somme.ent.provisioning.repository.AccountRepository;
import fr.somme.ent.provisioning.repository.AdvisoryLocks;
import fr.somme.ent.provisioning.repository.LoginCounterRepository;
import fr.somme.ent.provisioning.repository.PurgeRunRepository;
import fr.somme.ent.provisioning.repository.RosterRepository;
import io.quarkus.scheduler.Scheduled;

/**
 * Scheduled work, safe with several replicas: each run takes a transaction-scoped PostgreSQL advisory lock; a
 * replica that does not get it does nothing (the other one is doing the work).
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    public static final long PURGE_LOCK = 0x5055_5247_4500_0001L;

    private final AdvisoryLocks locks;
    private final AccountRepository accounts;
    private final RosterRepository rosters;
    private final Clock clock;
    private final GateService gate;
    private final LoginCounterRepository counters;
    private final PurgeRunRepository purgeRuns;
    private final SchoolYearClosure closure;

    public Jobs(AdvisoryLocks locks, AccountRepository accounts, RosterRepository rosters, Clock clock, GateService gate,
            LoginCounterRepository counters, PurgeRunRepository purgeRuns, SchoolYearClosure closure) {
        this.locks = locks;
        this.accounts = accounts;
        this.rosters = rosters;
        this.clock = clock;
        this.gate = gate;
        this.counters = counters;
        this.purgeRuns = purgeRuns;
        this.closure = closure;
    }

    @Scheduled(every = "${ent.provisioning.gate-every}", delayed = "1m", identity = "provisioning-gate",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledGate() {
        reevaluateDue();
    }

    @Scheduled(cron = "${ent.provisioning.purge-cron}", identity = "provisioning-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge();
    }

    @Scheduled(cron = "${ent.provisioning.school-year-end-cron}", timeZone = "${ent.clock.zone}",
            identity = "provisioning-school-year-end", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSchoolYearEnd() {
        List<SchoolYearClosure.Outcome> outcomes = closure.closeEndedYears();
        if (outcomes == null) {
            LOG.info("school year end: another replica is running it");
        }
    }

    /** Adhesions whose effective date arrived, terminations that took effect. */
    @Transactional
    public int reevaluateDue() {
        int changed = gate.reevaluateDue();
        if (changed > 0) {
            LOG.infof("gate: %d class(es) deployed or closed", changed);
        }
        return changed;
    }

    /**
     * Rule 12 (arrêté of 30 November 2006, art. 6): personal data of accounts closed 3 months ago or more are erased
     * (names, login, external id, activation hash, roster, the counters of their login bases); the rows stay, so
     * counts survive for billing and reports. The run is recorded without personal data (purge_run). Returns the
     * number of accounts purged, or -1 if another replica holds the lock.
     */
    @Transactional
    public int purge() {
        if (!locks.tryLock(PURGE_LOCK)) {
            return -1;
        }
        LocalDate cutoff = Retention.purgeClosedOnOrBefore(LocalDate.now(clock));
        List<String> logins = accounts.loginsClosedOnOrBefore(cutoff);
        int purged = accounts.purgeClosedOnOrBefore(cutoff, clock.instant());
        int rosterEntries = rosters.deleteOfClassesClosedOnOrBefore(cutoff);
        int loginCounters = counters.deleteUnusedBasesOf(logins);
        purgeRuns.record(clock.instant(), cutoff, purged, rosterEntries, loginCounters);
        LOG.infof("purge: personal data of %d closed account(s) erased (closed on or before %s), %d roster line(s), "
                + "%d login counter(s)", purged, cutoff, rosterEntries, loginCounters);
        return purged;
    }

    /** The purge runs, latest first (counts only). */
    /** The purge runs, latest first, a page of them. */
    public PageOf<PurgeRun> purgeRuns(int page, int size) {
        return new PageOf<>(purgeRuns.latest(size, PageOf.offset(page, size)), page, size, purgeRuns.count());
    }
}
