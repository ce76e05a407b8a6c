package fr.somme.ent.projects.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/**
 * The charter's rules on pedagogical projects (art. 2; rules 6–8 of docs/domain.md), one method per rule,
 * each named after the rule. Plain Java: a refusal is a {@link Rejection} with its slug and reason; the HTTP
 * status is chosen at the edge.
 */
public final class ProjectRules {

    private ProjectRules() {
    }

    /** A convention's period of validity (inclusive) and the day it was signed ({@code signedOn} null: not signed). */
    public record ConventionPeriod(String reference, LocalDate validFrom, LocalDate validTo, LocalDate signedOn) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(validFrom) && !date.isAfter(validTo);
        }

        /** Signed on or before {@code date}. */
        public boolean signedBy(LocalDate date) {
            return signedOn != null && !signedOn.isAfter(date);
        }

        /** In force from the first day (1 September) to the last day (31 August) of {@code year}. */
        public boolean coversSchoolYear(SchoolYear year) {
            return !validFrom.isAfter(year.firstDay()) && !validTo.isBefore(year.lastDay());
        }

        public boolean overlaps(ConventionPeriod other) {
            return !validTo.isBefore(other.validFrom) && !other.validTo.isBefore(validFrom);
        }
    }

    /**
     * Art. 2 (rule 7): a validation counts only under a convention with the DSDEN that is signed (on or before the decision
     * date), in force on the decision date and covering the project's whole school year. An unsigned convention never counts.
     */
    public static ConventionPeriod noValidationWithoutASignedConventionCoveringTheSchoolYear(Collection<ConventionPeriod> conventions,
            LocalDate decidedOn, SchoolYear projectYear) {
        Optional<ConventionPeriod> counting = conventions.stream()
                .filter(c -> c.signedBy(decidedOn) && c.covers(decidedOn) && c.coversSchoolYear(projectYear)).findFirst();
        return counting.orElseThrow(() -> Rejection.conflict("no-convention-for-school-year", "no convention with the DSDEN signed by "
                + decidedOn + ", in force that day and covering school year " + projectYear + " (" + projectYear.firstDay() + " to "
                + projectYear.lastDay() + "): a validation outside it does not count (art. 2)"));
    }

    /**
     * Art. 2: two signed conventions cannot be in force on the same day, so "the convention in force" is always one. An
     * unsigned convention is never in force: it may be recorded over any period and reserves none.
     */
    public static void dsdenConventionsDoNotOverlap(Collection<ConventionPeriod> existing, ConventionPeriod proposed) {
        if (proposed.validTo().isBefore(proposed.validFrom())) {
            throw Rejection.ruleNotSatisfied("invalid-period", "validTo " + proposed.validTo() + " is before validFrom " + proposed.validFrom());
        }
        if (proposed.signedOn() == null) {
            return;
        }
        existing.stream().filter(c -> c.signedOn() != null && c.overlaps(proposed)).findFirst().ifPresent(c -> {
            throw Rejection.conflict("overlapping-convention", "signed convention " + c.reference() + " is already in force from "
                    + c.validFrom() + " to " + c.validTo());
        });
    }

    /** Art. 2 (rule 8): an IEN decides only for the schools of his own circonscription. */
    public static boolean onlyTheIenOfTheSchoolsCirconscriptionDecides(String schoolCirconscription, String deciderCirconscription) {
        return schoolCirconscription != null && schoolCirconscription.equals(deciderCirconscription);
    }

    /**
     * Art. 2 (rule 7): a validation holds for the project's school year only; once that year has ended (after 31 August) no
     * decision is taken on the project any more: next year the teacher renews it and the IEN decides again.
     */
    public static void noDecisionOnceTheSchoolYearHasEnded(SchoolYear projectYear, LocalDate decidedOn) {
        if (decidedOn.isAfter(projectYear.lastDay())) {
            throw Rejection.conflict("school-year-ended", "school year " + projectYear + " ended on " + projectYear.lastDay()
                    + ": a validation holds for one school year, renew the project for " + projectYear.next());
        }
    }

    /** A teacher writes a project for the current school year or prepares the next one. */
    public static void aProjectIsForTheCurrentOrNextSchoolYear(SchoolYear projectYear, LocalDate today) {
        SchoolYear current = SchoolYear.containing(today);
        if (!projectYear.equals(current) && !projectYear.equals(current.next())) {
            throw Rejection.ruleNotSatisfied("school-year-not-open", "a project is written for " + current + " or "
                    + current.next() + ", not " + projectYear);
        }
    }

    /** A decision is taken on a day that has come: one dated after today is refused. */
    public static void aDecisionIsNotDatedInTheFuture(LocalDate decidedOn, LocalDate today) {
        if (decidedOn.isAfter(today)) {
            throw Rejection.ruleNotSatisfied("decision-in-the-future", "decided on " + decidedOn + ", after today " + today);
        }
    }

    /** Art. 2 (rule 8): a rejection, or a request for changes, tells the teacher why. */
    public static void aRejectionGivesItsReason(Decision decision, String reason) {
        if (decision != Decision.VALIDATED && (reason == null || reason.isBlank())) {
            throw Rejection.ruleNotSatisfied("reason-required", "a decision " + decision + " needs a reason for the teacher");
        }
    }

    /** The lifecycle: a transition not allowed from the current state is refused, the state is unchanged. */
    public static void onlyAllowedTransitions(ProjectState from, ProjectState to) {
        if (!from.canMoveTo(to)) {
            throw Rejection.conflict("invalid-transition", "a project " + from + " cannot become " + to);
        }
    }

    /**
     * Art. 2 (rule 8): a project is withdrawn by its teacher until its class is deployed: a validated project whose class
     * provisioning has not deployed yet can still be withdrawn (the pending class is discarded).
     */
    public static void aProjectCanBeWithdrawnUntilItsClassIsDeployed(ProjectState from, boolean classDeployed) {
        onlyAllowedTransitions(from, ProjectState.WITHDRAWN);
        if (classDeployed) {
            throw Rejection.conflict("project-already-deployed", "the class of this project is deployed: it can no longer be withdrawn");
        }
    }

    /** Art. 2 (rule 7): next year a validated project is renewed as a new draft, decided again; only a validated one. */
    public static void onlyAValidatedProjectIsRenewed(ProjectState state) {
        if (state != ProjectState.VALIDATED) {
            throw Rejection.conflict("project-not-renewable", "a project " + state + " cannot be renewed: only a validated one");
        }
    }

    /** A project is renewed once: its renewal is the next year's project, edited there. */
    public static void aProjectIsRenewedOnce(boolean alreadyRenewed) {
        if (alreadyRenewed) {
            throw Rejection.conflict("project-already-renewed", "this project was already renewed: edit its renewal");
        }
    }

    /**
     * A decision never overrides an earlier contradicting one: it applies only to a submitted project, and not to a
     * submission made after the decision was taken (a late decision about an earlier version of the project).
     */
    public static void aDecisionNeverOverridesAnEarlierOne(ProjectState current, LocalDate submittedOn, LocalDate decidedOn) {
        if (current != ProjectState.SUBMITTED) {
            throw Rejection.conflict("decision-contradicts-earlier", "the project is " + current
                    + ", not SUBMITTED: a decision applies to a submitted project and never overrides an earlier decision or withdrawal");
        }
        if (submittedOn != null && decidedOn.isBefore(submittedOn)) {
            throw Rejection.conflict("decision-predates-submission", "decided on " + decidedOn
                    + ", before the current submission of " + submittedOn + ": it is about an earlier version");
        }
    }

    /**
     * Identity (issue #14): a teacher owns the projects written under his token's subject ({@code sub}, stable), whatever
     * his user name is today; a project written before subjects were recorded (no subject) stays with its user name.
     */
    public static boolean aTeacherOwnsHisProjectsBySubject(String projectSub, String projectUsername, String callerSub,
            String callerUsername) {
        if (projectSub != null) {
            return projectSub.equals(callerSub);
        }
        return projectUsername.equals(callerUsername);
    }
}
