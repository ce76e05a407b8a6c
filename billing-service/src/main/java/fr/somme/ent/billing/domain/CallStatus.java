package fr.somme.ent.billing.domain;

/** The life of a contribution call (art. 4.4, rule 18): DRAFT → ISSUED → PAID | CANCELLED (by a credit note). */
public enum CallStatus {
    /** Computed, not yet sent: recomputation updates it in place or removes it. */
    DRAFT,
    /** Numbered and sent: it never changes again. */
    ISSUED,
    /** The member paid it. */
    PAID,
    /** Cancelled in full by a credit note; the member gets a new draft at the next computation. */
    CANCELLED;

    /** A call that still counts for its member, year and kind (at most one, unique index {@code contribution_call_live}). */
    public boolean isLive() {
        return this != CANCELLED;
    }
}
