package fr.somme.ent.provisioning.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The deployment gate (rule 9, art. 2), as plain rules. */
public final class DeploymentGate {

    public static final String PROJECT_WITHDRAWN = "project-withdrawn";
    public static final String SCHOOL_NOT_DESIGNATED = "school-not-designated";
    public static final String ADHESION_NOT_EFFECTIVE = "adhesion-not-effective";
    public static final String MEMBER_TERMINATED = "member-terminated";
    public static final String ACCOUNTS_OPTED_OUT = "accounts-opted-out";

    /**
     * A member designating the class's school for the project's school year, with what the read model knows of
     * its adhesion: effective date (null: no adhesion-effective event yet), termination effective date (null: none),
     * and whether the Département opted out of the ACCOUNTS component for that school year (art. 4.3).
     */
    public record Designation(String memberId, String memberKind, LocalDate adhesionEffectiveDate,
            LocalDate terminationEffectiveDate, boolean accountsOptedOut) {
    }

    public record Decision(boolean deploy, Optional<Designation> by, List<String> reasons) {
    }

    private DeploymentGate() {
    }

    /**
     * Rule 9 (art. 2, art. 3): a class is deployed when, and only when, its project is validated for the school year
     * and its school is designated, for that year, by a member whose adhesion is effective (effective date reached)
     * and not terminated (termination effective date not reached). Otherwise, the reasons why not.
     */
    public static Decision classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
            boolean projectValidated, List<Designation> designations, LocalDate today) {
        Set<String> reasons = new LinkedHashSet<>();
        if (!projectValidated) {
            reasons.add(PROJECT_WITHDRAWN);
        }
        if (designations.isEmpty()) {
            reasons.add(SCHOOL_NOT_DESIGNATED);
            return new Decision(false, Optional.empty(), List.copyOf(reasons));
        }
        List<Designation> sorted = new ArrayList<>(designations);
        sorted.sort(Comparator.comparing(Designation::memberId));
        Designation eligible = null;
        Set<String> memberReasons = new LinkedHashSet<>();
        for (Designation d : sorted) {
            List<String> own = memberReasons(d, today);
            if (own.isEmpty() && eligible == null) {
                eligible = d;
            }
            memberReasons.addAll(own);
        }
        if (eligible == null) {
            reasons.addAll(memberReasons);
        }
        return new Decision(reasons.isEmpty(), Optional.ofNullable(eligible != null ? eligible : sorted.get(0)),
                List.copyOf(reasons));
    }

    private static List<String> memberReasons(Designation d, LocalDate today) {
        List<String> r = new ArrayList<>();
        if (d.adhesionEffectiveDate() == null || d.adhesionEffectiveDate().isAfter(today)) {
            r.add(ADHESION_NOT_EFFECTIVE);
        }
        // a termination in effect, unless a later adhesion took effect after it (re-adhesion)
        if (d.terminationEffectiveDate() != null && !d.terminationEffectiveDate().isAfter(today)
                && (d.adhesionEffectiveDate() == null || !d.adhesionEffectiveDate().isAfter(d.terminationEffectiveDate()))) {
            r.add(MEMBER_TERMINATED);
        }
        if (d.accountsOptedOut()) {
            r.add(ACCOUNTS_OPTED_OUT);
        }
        return r;
    }

    /** Rule 9 and art. 6: a deployed class closes when its project is withdrawn or its member's termination takes effect. */
    public static boolean deployedClassClosesOnWithdrawalOrTermination(Decision decision) {
        return decision.reasons().contains(PROJECT_WITHDRAWN) || decision.reasons().contains(MEMBER_TERMINATED);
    }
}
