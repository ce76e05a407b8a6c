package fr.somme.ent.provisioning.domain;

/**
 * Why a deployed class closed (the {@code reason} of access-ended), or a pending class was discarded. Stored as its
 * name.
 */
public enum CloseReason {
    PROJECT_WITHDRAWN, MEMBER_TERMINATED, SCHOOL_YEAR_ENDED
}
