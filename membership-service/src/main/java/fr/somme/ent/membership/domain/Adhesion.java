package fr.somme.ent.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's adhesion to the ENT charter, from its deliberation to its termination (art. 3, 6). */
@Entity
@Table(name = "adhesion")
public class Adhesion extends PanacheEntityBase {

    public enum TerminationParty { MEMBER, SYNDICAT }

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
}
