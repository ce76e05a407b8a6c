package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.somme.ent.provisioning.domain.Retention;
import io.quarkus.scheduler.Scheduled;

/**
 * Scheduled work, safe with several replicas: each run takes a transaction-scoped PostgreSQL advisory lock; a
 * replica that does not get it does nothing (the other one is doing the work).
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    public static final long PURGE_LOCK = 0x5055_5247_4500_0001L;

    private final Sql sql;
    private final Clock clock;
    private final GateService gate;

    public Jobs(Sql sql, Clock clock, GateService gate) {
        this.sql = sql;
        this.clock = clock;
        this.gate = gate;
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
     * (names, login, external id, activation hash, roster); the rows stay, so counts survive for billing and reports.
     * Returns the number of accounts purged, or -1 if another replica holds the lock.
     */
    @Transactional
    public int purge() {
        Boolean locked = sql.one("SELECT pg_try_advisory_xact_lock(?)", rs -> rs.getBoolean(1), PURGE_LOCK).orElse(false);
        if (!locked) {
            return -1;
        }
        LocalDate cutoff = Retention.purgeClosedOnOrBefore(LocalDate.now(clock));
        int purged = sql.update("UPDATE account SET last_name = NULL, first_name = NULL, external_id = NULL, "
                + "activation_code_hash = NULL, login = 'purged.' || id, purged_at = ?, last_modified = ? "
                + "WHERE state = 'CLOSED' AND purged_at IS NULL AND closed_on <= ?", clock.instant(), clock.instant(), cutoff);
        sql.update("DELETE FROM roster_entry r USING class_deployment c WHERE c.project_id = r.project_id "
                + "AND c.status = 'CLOSED' AND c.closed_on <= ?", cutoff);
        LOG.infof("purge: personal data of %d closed account(s) erased (closed on or before %s)", purged, cutoff);
        return purged;
    }
}
