package fr.somme.ent.membership.domain;

/**
 * Art. 6: the member terminates for any reason of general interest; the syndicat terminates a member that does not
 * respect the charter, once an attempt at agreement has failed.
 */
public enum TerminationGround { GENERAL_INTEREST, NON_COMPLIANCE }
