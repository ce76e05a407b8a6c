package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.Collection;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.commons.ids.SchoolYear;

/** Who pays for a school year (art. 4.1, rule 13). */
public final class Liability {

    private Liability() {
    }

    /**
     * Art. 4.1, rule 13: a member contributes for school year Y when at least one of its école classes had effective
     * access during Y (started on or before 31 August of Y, not ended before 1 September of Y) while it was a member
     * (one of its memberships covers a day of Y). The first exercice follows from it (no access yet: nothing owed); a
     * member terminated during Y owes Y in full (its final contribution); a member that adheres again after a
     * termination is liable again from the first year one of its classes has access.
     */
    public static boolean memberIsLiableWhenAClassHadEffectiveAccessDuringTheYearWhileAMember(
            Collection<ClassAccess> classesOfTheYear, Membership membership, SchoolYear year) {
        if (!membership.coversAnyDayOf(year)) {
            return false;
        }
        LocalDate first = year.firstDay();
        LocalDate last = year.lastDay();
        for (ClassAccess c : classesOfTheYear) {
            if (BeneficiaryStudents.hadEffectiveAccessBetween(c, first, last)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Art. 4.4, rule 16: contributions are called after the end of the school year: a period can be computed for real
     * (drafts, then calls) from 1 September following it; before that, only a simulation that stores and issues nothing.
     */
    public static boolean contributionsAreCalledOnlyAfterTheSchoolYearEnds(SchoolYear year, LocalDate today) {
        return today.isAfter(year.lastDay());
    }
}
