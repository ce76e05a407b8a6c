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

    public record ConventionPeriod(String reference, LocalDate validFrom, LocalDate validTo) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(validFrom) && !date.isAfter(validTo);
        }

        public boolean overlaps(ConventionPeriod other) {
            return !validTo.isBefore(other.validFrom) && !other.validTo.isBefore(validFrom);
        }
    }

    /** Art. 2 (rule 7): the service runs under the DSDEN convention; no validation counts outside its period of validity. */
    public static ConventionPeriod noValidationOutsideAnActiveDsdenConvention(Collection<ConventionPeriod> conventions,
            LocalDate decidedOn) {
        Optional<ConventionPeriod> active = conventions.stream().filter(c -> c.covers(decidedOn)).findFirst();
        return active.orElseThrow(() -> Rejection.ruleNotSatisfied("no-active-dsden-convention",
                "no convention with the DSDEN is in force on " + decidedOn + ": a validation outside it does not count (art. 2)"));
    }

    /** Art. 2: two conventions cannot be in force on the same day, so "the convention in force" is always one. */
    public static void dsdenConventionsDoNotOverlap(Collection<ConventionPeriod> existing, ConventionPeriod proposed) {
        if (proposed.validTo().isBefore(proposed.validFrom())) {
            throw Rejection.ruleNotSatisfied("invalid-period", "validTo " + proposed.validTo() + " is before validFrom " + proposed.validFrom());
        }
        existing.stream().filter(c -> c.overlaps(proposed)).findFirst().ifPresent(c -> {
            throw Rejection.conflict("overlapping-convention", "convention " + c.reference() + " is already in force from "
                    + c.validFrom() + " to " + c.validTo());
        });
    }

    /** Art. 2 (rule 8): an IEN decides only for the schools of his own circonscription. */
    public static boolean onlyTheIenOfTheSchoolsCirconscriptionDecides(String schoolCirconscription, String deciderCirconscription) {
        return schoolCirconscription != null && schoolCirconscription.equals(deciderCirconscription);
    }

    /** Art. 2: a validation holds for the project's school year only; once that year is over it cannot be validated. */
    public static void aValidationHoldsForOneSchoolYear(SchoolYear projectYear, LocalDate decidedOn) {
        if (decidedOn.isAfter(projectYear.lastDay())) {
            throw Rejection.ruleNotSatisfied("school-year-over", "school year " + projectYear + " ended on "
                    + projectYear.lastDay() + ": a validation holds for one school year, write a project for the current one");
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
            throw Rejection.conflict("invalid-transition", "a project " + from + " cannot become " + to
                    + (from == ProjectState.VALIDATED && to == ProjectState.WITHDRAWN
                            ? " (a validated project may already be deployed: withdrawal is before validation)" : ""));
        }
    }

    /** Art. 2 (rule 8): a project is withdrawn by its teacher before deployment, i.e. before its validation. */
    public static void aProjectCanBeWithdrawnOnlyBeforeDeployment(ProjectState from) {
        onlyAllowedTransitions(from, ProjectState.WITHDRAWN);
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
}
