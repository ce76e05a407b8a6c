package fr.somme.ent.provisioning.domain;

/** Why a deployed class closed (the {@code reason} of access-ended). Stored as its name. */
public enum CloseReason {
    PROJECT_WITHDRAWN, MEMBER_TERMINATED
}
