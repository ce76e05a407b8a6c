package fr.somme.ent.membership.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.somme.ent.commons.ids.InseeCode;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Siren;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.commons.problem.ProblemException;

/**
 * The charter's rules on members and adhesions (art. 3, 4.3, 6), one method per rule, each named after it.
 * A broken rule is a {@link ProblemException} with a stable problem type (its slug); nothing is changed.
 * Plain Java: unit-testable without the application.
 */
public final class CharterRules {

    private CharterRules() {
    }

    /** A school as designated by a member: UAI, name, number of classes and of students (art. 3). */
    public record DesignatedSchool(String uai, String name, int classes, int students) {
    }

    // --- members -----------------------------------------------------------------------------------------

    /** Every member is identified by its SIREN (9 digits, Luhn checksum). */
    public static void aMemberIsIdentifiedByAValidSiren(String siren) {
        if (!Siren.isValid(siren)) {
            throw ProblemException.unprocessable("invalid-siren", "'" + siren + "' is not a valid SIREN (9 digits, Luhn checksum)");
        }
    }

    /** A commune has an INSEE code (5 characters) and only a commune has one. */
    public static void aCommuneHasAnInseeCode(MemberKind kind, String inseeCode) {
        if (kind == MemberKind.COMMUNE && (inseeCode == null || inseeCode.isBlank())) {
            throw ProblemException.unprocessable("insee-code-required", "a commune needs its INSEE code (5 characters)");
        }
        if (kind != MemberKind.COMMUNE && inseeCode != null) {
            throw ProblemException.unprocessable("insee-code-only-for-communes", "only a commune has an INSEE code");
        }
        if (inseeCode != null && !InseeCode.isValid(inseeCode)) {
            throw ProblemException.unprocessable("invalid-insee-code", "'" + inseeCode + "' is not an INSEE commune code (5 characters)");
        }
    }

    /** A commune lies in the département of its INSEE code. */
    public static void aCommuneLiesInTheDepartementOfItsInseeCode(String inseeCode, String departement) {
        if (inseeCode != null && !new InseeCode(inseeCode).departement().equals(departement)) {
            throw ProblemException.unprocessable("insee-code-outside-departement",
                    "INSEE code " + inseeCode + " is not in département " + departement);
        }
    }

    /** Art. 3: beneficiaries are inside the syndicat's perimeter of intervention. */
    public static void onlyMembersInsideThePerimeterCanAdhere(String departement, Collection<String> perimeter) {
        if (!perimeter.contains(departement)) {
            throw ProblemException.unprocessable("member-outside-perimeter",
                    "département " + departement + " is outside the syndicat's perimeter " + perimeter + " (art. 3)");
        }
    }

    /** Art. 3: beneficiaries hold the school competence. */
    public static void onlyMembersWithSchoolCompetenceCanAdhere(Member member) {
        if (!member.schoolCompetence) {
            throw ProblemException.unprocessable("member-without-school-competence", "member " + member.id
                    + " does not hold the school competence: it cannot adhere for schools (art. 3)");
        }
    }

    // --- adhesion lifecycle (art. 3) ---------------------------------------------------------------------

    /** Art. 3: the assembly approved the charter and authorised its executive to sign it, both. */
    public static void deliberationApprovesTheCharterAndAuthorisesTheExecutive(boolean charterApproved, boolean executiveAuthorised) {
        if (!charterApproved || !executiveAuthorised) {
            throw ProblemException.unprocessable("deliberation-incomplete",
                    "the deliberation must both approve the charter and authorise the executive to sign it (art. 3)");
        }
    }

    /** A member has at most one adhesion in progress or effective. */
    public static void oneOpenAdhesionPerMember(Optional<Adhesion> open) {
        open.ifPresent(a -> {
            throw ProblemException.conflict("adhesion-already-open", "member " + a.memberId + " already has adhesion " + a.id
                    + " (" + a.state + ")");
        });
    }

    /** A legal date is a fact that happened: never later than today. */
    public static void legalDatesAreNotInTheFuture(LocalDate date, LocalDate today, String what) {
        if (date.isAfter(today)) {
            throw ProblemException.unprocessable("date-in-future", what + " " + date + " is in the future");
        }
    }

    /** Art. 6: a terminated adhesion is never reactivated; a new adhesion needs a new deliberation. */
    public static void aTerminatedAdhesionCannotBeReactivated(Adhesion adhesion) {
        if (adhesion.state == AdhesionState.TERMINATED) {
            throw ProblemException.conflict("adhesion-terminated", "adhesion " + adhesion.id
                    + " is terminated; a new adhesion needs a new deliberation (art. 6)");
        }
    }

    /** Art. 3: the executive signs the charter once the deliberation has fixed the designated users (schools). */
    public static void charterIsSignedAfterTheUsersAreDesignated(Adhesion adhesion, LocalDate signedOn) {
        aTerminatedAdhesionCannotBeReactivated(adhesion);
        if (adhesion.state == AdhesionState.DELIBERATED) {
            throw ProblemException.conflict("users-not-designated",
                    "the schools must be designated before the charter is signed (art. 3)");
        }
        if (adhesion.state != AdhesionState.USERS_DESIGNATED) {
            throw ProblemException.conflict("charter-already-signed", "the charter was already signed on " + adhesion.charterSignedOn);
        }
        if (signedOn.isBefore(adhesion.deliberationDate)) {
            throw ProblemException.unprocessable("charter-signed-before-deliberation", "the charter cannot be signed on "
                    + signedOn + ", before the deliberation of " + adhesion.deliberationDate + " authorised it (art. 3)");
        }
    }

    /** Art. 3: the deliberation can be transmitted to the contrôle de légalité once, never before it was taken. */
    public static void deliberationTransmittedNotBeforeItWasTaken(Adhesion adhesion, LocalDate transmittedOn) {
        aTerminatedAdhesionCannotBeReactivated(adhesion);
        if (adhesion.deliberationTransmittedOn != null) {
            throw ProblemException.conflict("already-transmitted", "the deliberation was already transmitted on "
                    + adhesion.deliberationTransmittedOn);
        }
        if (transmittedOn.isBefore(adhesion.deliberationDate)) {
            throw ProblemException.unprocessable("transmission-before-deliberation", "a transmission on " + transmittedOn
                    + " cannot precede the deliberation of " + adhesion.deliberationDate + " (art. 3)");
        }
    }

    /** Art. 3: the charter transmitted is the signed one: after the signature, never before the deliberation. */
    public static void signedCharterTransmittedAfterItsSignature(Adhesion adhesion, LocalDate transmittedOn) {
        aTerminatedAdhesionCannotBeReactivated(adhesion);
        if (adhesion.charterTransmittedOn != null) {
            throw ProblemException.conflict("already-transmitted", "the signed charter was already transmitted on "
                    + adhesion.charterTransmittedOn);
        }
        if (adhesion.charterSignedOn == null) {
            throw ProblemException.conflict("charter-not-signed", "the charter must be signed by the executive before it is transmitted (art. 3)");
        }
        if (transmittedOn.isBefore(adhesion.deliberationDate)) {
            throw ProblemException.unprocessable("transmission-before-deliberation", "a transmission on " + transmittedOn
                    + " cannot precede the deliberation of " + adhesion.deliberationDate + " (art. 3)");
        }
        if (transmittedOn.isBefore(adhesion.charterSignedOn)) {
            throw ProblemException.unprocessable("charter-transmitted-before-signature", "the charter cannot be transmitted on "
                    + transmittedOn + ", before its signature on " + adhesion.charterSignedOn + " (art. 3)");
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

    // --- designations (art. 3) ---------------------------------------------------------------------------

    /** Art. 3: users are designated by the schools of an adhesion: there must be one in progress or effective. */
    public static Adhesion designationsBelongToAnOpenAdhesion(Optional<Adhesion> open, String memberId) {
        return open.orElseThrow(() -> ProblemException.conflict("adhesion-not-deliberated", "member " + memberId
                + " has no adhesion in progress or effective: its assembly must first deliberate (art. 3)"));
    }

    /** Art. 3: at least one school, each with a valid UAI (check letter), a name, classes ≥ 1, students ≥ 0, once. */
    public static void aDesignationNamesSchoolsWithTheirClassesAndStudents(List<DesignatedSchool> schools) {
        if (schools == null || schools.isEmpty()) {
            throw ProblemException.unprocessable("no-school-designated", "a designation names at least one school (art. 3)");
        }
        Set<String> seen = new HashSet<>();
        for (DesignatedSchool s : schools) {
            if (s.uai() == null || !Uai.isValid(s.uai())) {
                throw ProblemException.unprocessable("invalid-uai", "'" + s.uai() + "' is not a valid UAI (7 characters and a check letter)");
            }
            if (!seen.add(s.uai())) {
                throw ProblemException.unprocessable("duplicate-school", "school " + s.uai() + " is listed twice");
            }
            if (s.name() == null || s.name().isBlank() || s.classes() < 1 || s.students() < 0) {
                throw ProblemException.unprocessable("invalid-school-counts", "school " + s.uai()
                        + " needs a name, at least one class and a number of students ≥ 0 (art. 3)");
            }
        }
    }

    /** Rule 4: designations are kept per school year; a past school year is closed. */
    public static SchoolYear designationsAreForTheCurrentOrALaterSchoolYear(String schoolYear, LocalDate today) {
        SchoolYear year;
        try {
            year = SchoolYear.parse(schoolYear);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-school-year", e.getMessage());
        }
        if (year.compareTo(SchoolYear.containing(today)) < 0) {
            throw ProblemException.unprocessable("school-year-closed", "school year " + year + " is over; designations are for "
                    + SchoolYear.containing(today) + " or later");
        }
        return year;
    }

    /** Rule 4: a school is designated by one member only for a given school year. */
    public static void aSchoolIsDesignatedByOneMemberPerSchoolYear(String schoolYear, Collection<SchoolDesignation> othersHoldingThem) {
        if (!othersHoldingThem.isEmpty()) {
            SchoolDesignation d = othersHoldingThem.iterator().next();
            throw ProblemException.conflict("school-designated-by-another-member", "school " + d.uai
                    + " is already designated by member " + d.memberId + " for " + schoolYear);
        }
    }

    // --- termination (art. 6) ----------------------------------------------------------------------------

    /** Art. 6: what has not started cannot be terminated; what is terminated stays so. */
    public static void onlyAnEffectiveAdhesionIsTerminated(Adhesion adhesion) {
        aTerminatedAdhesionCannotBeReactivated(adhesion);
        if (adhesion.state != AdhesionState.EFFECTIVE) {
            throw ProblemException.conflict("adhesion-not-effective", "adhesion " + adhesion.id + " is not effective ("
                    + adhesion.state + ")");
        }
    }

    /** Art. 6: the syndicat ends a member's participation for non-respect only once no agreement could be found. */
    public static void syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement(Adhesion.TerminationParty by,
            LocalDate agreementAttemptFailedOn, String summary) {
        if (by == Adhesion.TerminationParty.SYNDICAT
                && (agreementAttemptFailedOn == null || summary == null || summary.isBlank())) {
            throw ProblemException.unprocessable("agreement-attempt-not-recorded", "the syndicat may terminate for non-respect of the "
                    + "charter only after a failed attempt at agreement, recorded with its date and summary (art. 6)");
        }
    }

    /** Art. 6: a termination takes effect on or after the date the adhesion took effect. */
    public static void terminationTakesEffectAfterTheAdhesion(Adhesion adhesion, LocalDate effectiveDate) {
        if (effectiveDate.isBefore(adhesion.effectiveDate)) {
            throw ProblemException.unprocessable("termination-before-adhesion-effective", "termination on " + effectiveDate
                    + " cannot precede the adhesion's effective date " + adhesion.effectiveDate);
        }
    }

    // --- component opt-outs (art. 4.3) -------------------------------------------------------------------

    /** Art. 4.3: only the Département (for its collèges) opts out of components it pays for. */
    public static void onlyTheDepartementOptsOutOfComponents(Member member) {
        if (member.kind != MemberKind.DEPARTEMENT) {
            throw ProblemException.unprocessable("opt-out-reserved-to-departement",
                    "only the Département notifies component opt-outs (art. 4.3); member " + member.id + " is a " + member.kind);
        }
    }

    /**
     * Art. 4.3: notified before the end of school year N (on or before 31 August) it counts for the orders of N+1;
     * a notice after 31 August belongs to the next school year, so it applies from N+2. Both come to: the school year
     * after the one containing the notification.
     */
    public static SchoolYear optOutAppliesFromTheSchoolYearAfterItsNotification(LocalDate notifiedOn) {
        return SchoolYear.containing(notifiedOn).next();
    }
}
