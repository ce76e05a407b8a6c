package fr.somme.ent.provisioning.domain;

/** A licence line is assigned at deployment and revoked when the class closes. Stored as its name. */
public enum LicenceState {
    ASSIGNED, REVOKED
}
