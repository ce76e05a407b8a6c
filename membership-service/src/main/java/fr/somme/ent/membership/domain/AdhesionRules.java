package fr.somme.ent.membership.domain;

import java.time.LocalDate;
import java.util.Optional;

import fr.somme.ent.commons.rules.Rejection;

/**
 * The charter's rules on the steps of an adhesion (art. 3), from the deliberation to the contrôle de légalité, one
 * method per rule, each named after it. A broken rule is a {@link Rejection} with a stable slug; nothing is changed.
 */
public final class AdhesionRules {

    private AdhesionRules() {
    }

    /** Art. 3: the assembly approved the charter and authorised its executive to sign it, both. */
    public static void deliberationApprovesTheCharterAndAuthorisesTheExecutive(boolean charterApproved, boolean executiveAuthorised) {
        if (!charterApproved || !executiveAuthorised) {
            throw Rejection.ruleNotSatisfied("deliberation-incomplete",
                    "the deliberation must both approve the charter and authorise the executive to sign it (art. 3)");
        }
    }

    /** Art. 3: a member has at most one adhesion in progress or effective. */
    public static void oneOpenAdhesionPerMember(Optional<Adhesion> open) {
        open.ifPresent(a -> {
            throw Rejection.conflict("adhesion-already-open", "member " + a.memberId + " already has adhesion " + a.id
                    + " (" + a.state + ")");
        });
    }

    /** The refusal when a concurrent deliberation wins the race on the unique open adhesion per member. */
    public static Rejection anotherAdhesionOpenedMeanwhile(String memberId) {
        return Rejection.conflict("adhesion-already-open", "member " + memberId + " already has an open adhesion");
    }

    /** A legal date is a fact that happened: never later than today. */
    public static void legalDatesAreNotInTheFuture(LocalDate date, LocalDate today, String what) {
        if (date.isAfter(today)) {
            throw Rejection.ruleNotSatisfied("date-in-future", what + " " + date + " is in the future");
        }
    }

    /** Art. 6: a terminated adhesion is never reactivated; a new adhesion needs a new deliberation. */
    public static void aTerminatedAdhesionCannotBeReactivated(Adhesion adhesion) {
        if (adhesion.state == AdhesionState.TERMINATED) {
            throw Rejection.conflict("adhesion-terminated", "adhesion " + adhesion.id
                    + " is terminated; a new adhesion needs a new deliberation (art. 6)");
        }
    }

    /** Art. 3: the executive signs the charter once the deliberation has fixed the designated users (schools). */
    public static void charterIsSignedAfterTheUsersAreDesignated(Adhesion adhesion, LocalDate signedOn) {
        aTerminatedAdhesionCannotBeReactivated(adhesion);
        if (adhesion.state == AdhesionState.DELIBERATED) {
            throw Rejection.conflict("users-not-designated", "the schools must be designated before the charter is signed (art. 3)");
        }
        if (adhesion.state != AdhesionState.USERS_DESIGNATED) {
            throw Rejection.conflict("charter-already-signed", "the charter was already signed on " + adhesion.charterSignedOn);
        }
        if (signedOn.isBefore(adhesion.deliberationDate)) {
            throw Rejection.ruleNotSatisfied("charter-signed-before-deliberation", "the charter cannot be signed on "
                    + signedOn + ", before the deliberation of " + adhesion.deliberationDate + " authorised it (art. 3)");
        }
    }

    /** Art. 3: the deliberation can be transmitted to the contrôle de légalité once, never before it was taken. */
    public static void deliberationTransmittedNotBeforeItWasTaken(Adhesion adhesion, LocalDate transmittedOn) {
        aTerminatedAdhesionCannotBeReactivated(adhesion);
        if (adhesion.deliberationTransmittedOn != null) {
            throw Rejection.conflict("already-transmitted", "the deliberation was already transmitted on "
                    + adhesion.deliberationTransmittedOn);
        }
        notBeforeTheDeliberation(adhesion, transmittedOn);
    }

    /** Art. 3: the charter transmitted is the signed one: after the signature, never before the deliberation. */
    public static void signedCharterTransmittedAfterItsSignature(Adhesion adhesion, LocalDate transmittedOn) {
        aTerminatedAdhesionCannotBeReactivated(adhesion);
        if (adhesion.charterTransmittedOn != null) {
            throw Rejection.conflict("already-transmitted", "the signed charter was already transmitted on "
                    + adhesion.charterTransmittedOn);
        }
        if (adhesion.charterSignedOn == null) {
            throw Rejection.conflict("charter-not-signed", "the charter must be signed by the executive before it is transmitted (art. 3)");
        }
        notBeforeTheDeliberation(adhesion, transmittedOn);
        if (transmittedOn.isBefore(adhesion.charterSignedOn)) {
            throw Rejection.ruleNotSatisfied("charter-transmitted-before-signature", "the charter cannot be transmitted on "
                    + transmittedOn + ", before its signature on " + adhesion.charterSignedOn + " (art. 3)");
        }
    }

    private static void notBeforeTheDeliberation(Adhesion adhesion, LocalDate transmittedOn) {
        if (transmittedOn.isBefore(adhesion.deliberationDate)) {
            throw Rejection.ruleNotSatisfied("transmission-before-deliberation", "a transmission on " + transmittedOn
                    + " cannot precede the deliberation of " + adhesion.deliberationDate + " (art. 3)");
        }
    }

    /**
     * Art. 3: the service is possible from the transmission to the contrôle de légalité of both the deliberation and
     * the charter signed by the executive: the effective date is the later of the two, never before the deliberation.
     * Empty while anything is missing.
     */
    public static Optional<LocalDate> adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(Adhesion adhesion) {
        if (adhesion.state != AdhesionState.CHARTER_SIGNED || adhesion.charterSignedOn == null
                || adhesion.deliberationTransmittedOn == null || adhesion.charterTransmittedOn == null) {
            return Optional.empty();
        }
        LocalDate later = adhesion.deliberationTransmittedOn.isAfter(adhesion.charterTransmittedOn)
                ? adhesion.deliberationTransmittedOn : adhesion.charterTransmittedOn;
        return Optional.of(later.isBefore(adhesion.deliberationDate) ? adhesion.deliberationDate : later);
    }
}
