package fr.somme.ent.provisioning.domain;

/** PENDING_ACTIVATION → ACTIVE (the platform reports it) → CLOSED (withdrawal, termination). Stored as its name. */
public enum AccountState {
    PENDING_ACTIVATION, ACTIVE, CLOSED
}
