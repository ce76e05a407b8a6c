package fr.somme.ent.billing.domain;

import java.time.Instant;

/** A member's billing profile as stored, with who set it last and when. */
public record StoredBillingProfile(BillingProfile profile, Instant updatedAt, String updatedBy) {
}
