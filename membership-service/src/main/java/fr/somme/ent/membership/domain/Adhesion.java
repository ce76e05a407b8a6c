package fr.somme.ent.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member's adhesion to the ENT charter, from its deliberation to its termination (art. 3, 6). Each step checks its
 * rule, changes the state and returns the step of the history to record.
 */
@Entity
@Table(name = "adhesion")
public class Adhesion {

    public enum TerminationParty { MEMBER, SYNDICAT }

    /** What is transmitted to the contrôle de légalité: the deliberation, or the charter signed by the executive. */
    public enum Document { DELIBERATION, CHARTER }

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdhesionState state;

    @Column(name = "deliberation_number", nullable = false)
    public String deliberationNumber;

    @Column(name = "deliberation_date", nullable = false)
    public LocalDate deliberationDate;

    @Column(name = "charter_approved", nullable = false)
    public boolean charterApproved;

    @Column(name = "executive_authorised", nullable = false)
    public boolean executiveAuthorised;

    @Column(name = "charter_signed_on")
    public LocalDate charterSignedOn;

    @Column(name = "deliberation_transmitted_on")
    public LocalDate deliberationTransmittedOn;

    @Column(name = "charter_transmitted_on")
    public LocalDate charterTransmittedOn;

    @Column(name = "effective_date")
    public LocalDate effectiveDate;

    @Column(name = "termination_id")
    public UUID terminationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "termination_initiated_by")
    public TerminationParty terminationInitiatedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "termination_ground")
    public TerminationGround terminationGround;

    @Column(name = "termination_decided_on")
    public LocalDate terminationDecidedOn;

    @Column(name = "termination_reason")
    public String terminationReason;

    @Column(name = "termination_effective_date")
    public LocalDate terminationEffectiveDate;

    @Column(name = "agreement_attempt_failed_on")
    public LocalDate agreementAttemptFailedOn;

    @Column(name = "agreement_attempt_summary")
    public String agreementAttemptSummary;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Optimistic locking: a change based on an outdated read fails (409 concurrent-update) instead of overwriting. */
    @Version
    public int version;

    /** Art. 3: a deliberation approving the charter and authorising the executive opens an adhesion. */
    public static Adhesion deliberated(String memberId, String number, LocalDate date, Instant at) {
        Adhesion a = new Adhesion();
        a.id = UUID.randomUUID();
        a.memberId = memberId;
        a.state = AdhesionState.DELIBERATED;
        a.deliberationNumber = number;
        a.deliberationDate = date;
        a.charterApproved = true;
        a.executiveAuthorised = true;
        a.createdAt = at;
        return a;
    }

    public AdhesionTransition deliberationRecorded(String actor, Instant at) {
        return step("DELIBERATION_RECORDED", null, actor, at, "deliberation " + deliberationNumber + " of " + deliberationDate);
    }

    /** The first designation of schools moves a deliberated adhesion on; later ones change nothing here. */
    public Optional<AdhesionTransition> usersDesignated(int schools, String schoolYear, String actor, Instant at) {
        if (state != AdhesionState.DELIBERATED) {
            return Optional.empty();
        }
        state = AdhesionState.USERS_DESIGNATED;
        return Optional.of(step("USERS_DESIGNATED", AdhesionState.DELIBERATED, actor, at, schools + " school(s) for " + schoolYear));
    }

    public AdhesionTransition signCharter(LocalDate signedOn, String actor, Instant at) {
        AdhesionRules.charterIsSignedAfterTheUsersAreDesignated(this, signedOn);
        AdhesionState from = state;
        charterSignedOn = signedOn;
        state = AdhesionState.CHARTER_SIGNED;
        return step("CHARTER_SIGNED", from, actor, at, "signed on " + signedOn);
    }

    public AdhesionTransition recordTransmission(Document document, LocalDate transmittedOn, String actor, Instant at) {
        AdhesionState from = state;
        if (document == Document.DELIBERATION) {
            AdhesionRules.deliberationTransmittedNotBeforeItWasTaken(this, transmittedOn);
            deliberationTransmittedOn = transmittedOn;
        } else {
            AdhesionRules.signedCharterTransmittedAfterItsSignature(this, transmittedOn);
            charterTransmittedOn = transmittedOn;
        }
        return step(document + "_TRANSMITTED", from, actor, at, "transmitted to the contrôle de légalité on " + transmittedOn);
    }

    /** Art. 3: effective once both transmissions are recorded; empty while anything is missing. */
    public Optional<AdhesionTransition> becomeEffectiveIfComplete(String actor, Instant at) {
        Optional<LocalDate> effective = AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(this);
        if (effective.isEmpty()) {
            return Optional.empty();
        }
        AdhesionState from = state;
        effectiveDate = effective.get();
        state = AdhesionState.EFFECTIVE;
        return Optional.of(step("BECAME_EFFECTIVE", from, actor, at, "effective on " + effectiveDate));
    }

    /**
     * Art. 6: ends an effective adhesion on the ground of the charter; {@code today} is the decision date when none is
     * given and bounds the legal dates (decision, attempt at agreement).
     */
    public AdhesionTransition terminate(Termination requested, LocalDate today, String actor, Instant at) {
        TerminationRules.onlyAnEffectiveAdhesionIsTerminated(this);
        Termination t = TerminationRules.theGroundIsOneOfArticle6(requested);
        TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(t.ground(), t.agreementAttemptOn(),
                t.agreementAttemptOutcome());
        LocalDate decidedOn = t.decidedOn() == null ? today : t.decidedOn();
        AdhesionRules.legalDatesAreNotInTheFuture(decidedOn, today, "decision date");
        if (t.agreementAttemptOn() != null) {
            AdhesionRules.legalDatesAreNotInTheFuture(t.agreementAttemptOn(), today, "failed agreement attempt date");
        }
        TerminationRules.terminationIsNeverBeforeItsDecision(decidedOn, t.effectiveDate());
        TerminationRules.terminationTakesEffectAfterTheAdhesion(this, t.effectiveDate());
        AdhesionState from = state;
        state = AdhesionState.TERMINATED;
        terminationId = UUID.randomUUID();
        terminationInitiatedBy = t.initiatedBy();
        terminationGround = t.ground();
        terminationDecidedOn = decidedOn;
        terminationReason = t.reason();
        terminationEffectiveDate = t.effectiveDate();
        agreementAttemptFailedOn = t.agreementAttemptOn();
        agreementAttemptSummary = t.agreementAttemptOutcome();
        return step("TERMINATED", from, actor, at, "by " + t.initiatedBy() + " for " + t.ground() + ", decided " + decidedOn
                + ", effective " + t.effectiveDate() + ": " + t.reason());
    }

    private AdhesionTransition step(String action, AdhesionState from, String actor, Instant at, String detail) {
        AdhesionTransition t = new AdhesionTransition();
        t.adhesionId = id;
        t.action = action;
        t.fromState = from;
        t.toState = state;
        t.actor = actor;
        t.at = at;
        t.detail = detail;
        return t;
    }
}
