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
    public static final String SCHOOL_YEAR_NOT_OPEN = SchoolYearCalendar.SCHOOL_YEAR_NOT_OPEN;
    public static final String SCHOOL_YEAR_ENDED = SchoolYearCalendar.SCHOOL_YEAR_ENDED;

    /**
     * A member designating the class's school for the project's school year, with what the read model knows of
     * its adhesion: effective date (null: no adhesion-effective event yet), termination effective date (null: none),
     * whether the Département opted out of the ACCOUNTS component for that school year (art. 4.3), and the school's
     * level as the designation says (null: a designation published before it carried one).
     */
    public record Designation(String memberId, String memberKind, LocalDate adhesionEffectiveDate,
            LocalDate terminationEffectiveDate, boolean accountsOptedOut, String schoolLevel) {

        public Designation(String memberId, String memberKind, LocalDate adhesionEffectiveDate,
                LocalDate terminationEffectiveDate, boolean accountsOptedOut) {
            this(memberId, memberKind, adhesionEffectiveDate, terminationEffectiveDate, accountsOptedOut, null);
        }

        /** The school's level from the designation, else inferred from the member's kind. */
        public SchoolLevel level() {
            return SchoolLevel.ofDesignation(schoolLevel, memberKind);
        }
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
        return classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(projectValidated,
                Optional.empty(), designations, today);
    }

    /**
     * The same, for a class whose school year may be outside its roll-out window: {@code schoolYearReason} is why
     * ({@link SchoolYearCalendar}: not open yet, or ended), listed after a withdrawal and before the members' reasons.
     */
    public static Decision classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
            boolean projectValidated, Optional<String> schoolYearReason, List<Designation> designations, LocalDate today) {
        Set<String> reasons = new LinkedHashSet<>();
        if (!projectValidated) {
            reasons.add(PROJECT_WITHDRAWN);
        }
        schoolYearReason.ifPresent(reasons::add);
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

    /**
     * Rule 9 and art. 6: a deployed class closes when its project is withdrawn, or when the termination of the member
     * it was deployed for takes effect (unless a later adhesion of that member took effect after it). Its designations
     * do not matter: a termination releases them, and the class still closes on the termination.
     */
    public static Optional<CloseReason> deployedClassClosesOnWithdrawalOrItsMembersTermination(boolean projectValidated,
            Designation classMember, LocalDate today) {
        if (!projectValidated) {
            return Optional.of(CloseReason.PROJECT_WITHDRAWN);
        }
        if (classMember != null && memberReasons(classMember, today).contains(MEMBER_TERMINATED)) {
            return Optional.of(CloseReason.MEMBER_TERMINATED);
        }
        return Optional.empty();
    }
}
