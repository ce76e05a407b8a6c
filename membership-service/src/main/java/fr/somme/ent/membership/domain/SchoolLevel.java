package fr.somme.ent.membership.domain;

/**
 * The level that decides who designates a school (art. 3): an école (maternelle, élémentaire or primaire) is designated
 * by its commune or the EPCI holding the school competence, a collège by the Département.
 */
public enum SchoolLevel { ECOLE, COLLEGE }
