package fr.somme.ent.projects.domain;

/** Report line for the Comité Départemental du Numérique (art. 5): how many projects in a state, per year and circonscription. */
public record ProjectCount(String schoolYear, String circonscriptionCode, ProjectState state, long projects) {
}
