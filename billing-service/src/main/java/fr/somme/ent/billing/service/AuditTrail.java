package fr.somme.ent.billing.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.AuditEntry;
import fr.somme.ent.billing.repository.AuditRepository;
import fr.somme.ent.commons.security.CallerScope;

/** The audit trail of billing: who did what (the caller), when (the injectable clock), and why (rule 18). */
@ApplicationScoped
public class AuditTrail {

    private final AuditRepository audit;
    private final Clock clock;
    private final CallerScope caller;

    public AuditTrail(AuditRepository audit, Clock clock, CallerScope caller) {
        this.audit = audit;
        this.clock = clock;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String schoolYear, UUID callId, String action, String reason, String detail) {
        audit.append(new AuditEntry(schoolYear, callId, action, caller.actor(), clock.instant(), reason, detail));
    }

    /** A line of the trail, by the caller, now; recorded with {@link #recordAll}. */
    public AuditEntry entry(String schoolYear, UUID callId, String action, String reason, String detail) {
        return new AuditEntry(schoolYear, callId, action, caller.actor(), clock.instant(), reason, detail);
    }

    /** Many lines in their order, in one batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<AuditEntry> entries) {
        if (!entries.isEmpty()) {
            audit.appendAll(entries);
        }
    }

    public List<AuditEntry> ofCall(UUID callId) {
        return audit.ofCall(callId);
    }
}
