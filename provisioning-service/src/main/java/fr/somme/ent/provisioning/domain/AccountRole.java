package fr.somme.ent.provisioning.domain;

/** Whose account it is. Stored as its name. */
public enum AccountRole {
    TEACHER, STUDENT
}
