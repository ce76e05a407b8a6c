package fr.somme.ent.billing.domain;

import java.time.Instant;
import java.util.UUID;

/** One line of billing's audit trail: who did what, when and why (rule 18: every figure can be explained). */
public record AuditEntry(String schoolYear, UUID callId, String action, String actor, Instant at, String reason,
        String detail) {
}
