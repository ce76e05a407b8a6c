package fr.somme.ent.billing.domain;

import java.time.LocalDate;

import fr.somme.ent.commons.ids.SchoolYear;

/** Who pays for a school year (art. 4.1, rule 13). */
public final class Liability {

    private Liability() {
    }

    /**
     * Art. 4.1, rule 13: a member contributes for a school year when its first effective access started on or before the
     * last day of that year (31 August), and it was not terminated before the year began (1 September). A member
     * terminated during the year owes that year in full (its final contribution); terminated on or before 31 August of
     * the previous year, it owes nothing more.
     */
    public static boolean memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(
            LocalDate firstAccessStart, LocalDate terminationEffectiveDate, SchoolYear year) {
        if (firstAccessStart == null || firstAccessStart.isAfter(year.lastDay())) {
            return false;
        }
        return terminationEffectiveDate == null || !terminationEffectiveDate.isBefore(year.firstDay());
    }

    /**
     * Art. 4.4, rule 16: contributions are called after the end of the school year: a period can be computed for real
     * (drafts, then calls) from 1 September following it; before that, only a simulation that stores and issues nothing.
     */
    public static boolean contributionsAreCalledOnlyAfterTheSchoolYearEnds(SchoolYear year, LocalDate today) {
        return today.isAfter(year.lastDay());
    }
}
