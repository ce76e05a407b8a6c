package fr.somme.ent.membership.domain;

/** The kinds of member of the syndicat mixte (art. 3). */
public enum MemberKind { COMMUNE, EPCI, SCHOOL_SYNDICATE, DEPARTEMENT, OTHER_PUBLIC_ESTABLISHMENT }
