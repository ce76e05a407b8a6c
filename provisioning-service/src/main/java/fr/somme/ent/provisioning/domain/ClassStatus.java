package fr.somme.ent.provisioning.domain;

/**
 * The gate's outcome for a class: PENDING (with reasons) → DEPLOYED → CLOSED, or PENDING → DISCARDED (withdrawn, or its
 * school year ended, before it ever deployed: no account was created). Stored as its name.
 */
public enum ClassStatus {
    PENDING, DEPLOYED, CLOSED, DISCARDED;

    /** How a refusal names it ("the class is deployed: ..."). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
