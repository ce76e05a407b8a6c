package fr.somme.ent.provisioning.domain;

import java.time.Instant;
import java.util.UUID;

import fr.somme.ent.commons.rules.Rejection;

/**
 * An individual account (rule 10, art. 2): the teacher's or a student's, with a login unique across the platform.
 * PENDING_ACTIVATION until the platform reports the user activated it, CLOSED with its class; the platform
 * cannot close it nor reopen it.
 */
public final class Account {

    private final UUID id;
    private final UUID projectId;
    private final String memberId;
    private final AccountRole role;
    private final String externalId;
    private final Instant createdAt;
    private String login;
    private AccountState state;
    private String lastName;
    private String firstName;
    private Instant lastModified;

    /** The account as stored; only repositories and {@link #open} call this. */
    public Account(UUID id, String login, UUID projectId, String memberId, AccountRole role, AccountState state,
            String lastName, String firstName, String externalId, Instant createdAt, Instant lastModified) {
        this.id = id;
        this.login = login;
        this.projectId = projectId;
        this.memberId = memberId;
        this.role = role;
        this.state = state;
        this.lastName = lastName;
        this.firstName = firstName;
        this.externalId = externalId;
        this.createdAt = createdAt;
        this.lastModified = lastModified;
    }

    /** A new account of a class, pending activation, under a login drawn for the person. */
    public static Account open(String login, UUID projectId, String memberId, Person p, Instant now) {
        return new Account(UUID.randomUUID(), login, projectId, memberId, p.role(), AccountState.PENDING_ACTIVATION,
                p.lastName(), p.firstName(), p.externalId(), now, now);
    }

    /** The platform reports the user activated the account; true when that changed it. A closed account stays closed. */
    public boolean activate(Instant now) {
        if (state == AccountState.CLOSED) {
            throw Rejection.invalidInput("mutability", "a closed account cannot be activated");
        }
        if (state == AccountState.ACTIVE) {
            return false;
        }
        state = AccountState.ACTIVE;
        lastModified = now;
        return true;
    }

    /** The platform may not deactivate: only a closed account is inactive, closed by the syndicat. */
    public void deactivate() {
        if (state != AccountState.CLOSED) {
            throw Rejection.invalidInput("mutability", "accounts are closed by the syndicat (withdrawal, termination), "
                    + "not by the platform");
        }
    }

    /** A student seat of the class without a name, still pending activation: it may be named. */
    public boolean isAnonymousSeatOf(UUID project) {
        return projectId.equals(project) && role == AccountRole.STUDENT && lastName == null
                && state == AccountState.PENDING_ACTIVATION;
    }

    /**
     * The seat named: a copy under its new login (drawn by the caller with the login rule), so that a login found
     * taken when storing it can be re-drawn from the same seat.
     */
    public Account namedAs(PersonName name, String newLogin, Instant now) {
        if (!isAnonymousSeatOf(projectId)) {
            throw Rejection.conflict("seat-not-anonymous", "account " + id + " is not an anonymous seat pending activation");
        }
        return new Account(id, newLogin, projectId, memberId, role, state, name.lastName(), name.firstName(), externalId,
                createdAt, now);
    }

    public UUID id() {
        return id;
    }

    public String login() {
        return login;
    }

    public UUID projectId() {
        return projectId;
    }

    public String memberId() {
        return memberId;
    }

    public AccountRole role() {
        return role;
    }

    public AccountState state() {
        return state;
    }

    public String lastName() {
        return lastName;
    }

    public String firstName() {
        return firstName;
    }

    public String externalId() {
        return externalId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastModified() {
        return lastModified;
    }
}
