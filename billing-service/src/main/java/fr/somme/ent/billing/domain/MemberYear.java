package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.List;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.commons.ids.SchoolYear;

/** A member as billing sees it for one school year: first école access, termination, beneficiary students (art. 4.1). */
public record MemberYear(String memberId, String name, LocalDate firstAccessStart, LocalDate terminatedOn,
        long beneficiaryStudents, List<ClassAccess> classes) {

    /** Rule 13: does this member pay for the school year? */
    public boolean isLiableFor(SchoolYear year) {
        return Liability.memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(firstAccessStart,
                terminatedOn, year);
    }
}
