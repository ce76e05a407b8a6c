package fr.somme.ent.membership.domain;

/**
 * The adhesion lifecycle (art. 3): deliberation recorded → users (schools) designated → charter signed by the
 * executive → effective once both the deliberation and the signed charter are transmitted to the contrôle de
 * légalité → terminated (art. 6, final: a new adhesion needs a new deliberation).
 */
public enum AdhesionState { DELIBERATED, USERS_DESIGNATED, CHARTER_SIGNED, EFFECTIVE, TERMINATED }
