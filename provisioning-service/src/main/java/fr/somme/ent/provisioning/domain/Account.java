package fr.somme.ent.provisioning.domain;

import java.time.Instant;
import java.util.UUID;

import fr.somme.ent.commons.rules.Rejection;

/**
 * An individual account (rule 10, art. 2): the teacher's or a student's, with a login unique across the platform.
 * PENDING_ACTIVATION until its user activates it with the activation code of the login sheet ({@link Activation}),
 * CLOSED with its class; the platform cannot activate it without the code, close it nor reopen it.
 */
public final class Account {

    private final UUID id;
    private final UUID projectId;
    private final String memberId;
    private final AccountRole role;
    private final String externalId;
    private final Instant createdAt;
    private String login;
    private final AccountState state;
    private String lastName;
    private String firstName;
    private final Instant lastModified;

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

    /**
     * The platform reports {@code active: true} (SCIM PATCH): only an account already active may be reported so; a
     * pending account is activated with its activation code ({@link Activation}, {@code POST /accounts/activation}),
     * never by a report alone (issue #14); a closed account stays closed.
     */
    public void confirmActive() {
        if (state == AccountState.CLOSED) {
            throw Rejection.invalidInput("mutability", "a closed account cannot be activated");
        }
        if (state == AccountState.PENDING_ACTIVATION) {
            throw Rejection.invalidInput("mutability", "an account is activated with its activation code "
                    + "(POST /accounts/activation), not by SCIM");
        }
    }

    /** A new activation code is drawn only for an account still pending activation. */
    public void requirePendingActivation() {
        if (state != AccountState.PENDING_ACTIVATION) {
            throw Rejection.conflict("account-not-pending", "account " + id + " is not pending activation");
        }
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
