package fr.somme.ent.provisioning.domain;

/** A project as the projects service last told: validated, or withdrawn. Stored as its name in the read model. */
public enum ProjectStatus {
    VALIDATED, WITHDRAWN
}
