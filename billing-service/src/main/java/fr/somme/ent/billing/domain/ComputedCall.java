package fr.somme.ent.billing.domain;

/** A call as the figures give it (not stored): member, year, kind, amount in cents and how it was obtained. */
public record ComputedCall(String memberId, String schoolYear, CallKind kind, long amountCents, Derivation derivation) {
}
