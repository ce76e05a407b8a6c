package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.List;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.commons.ids.SchoolYear;

/**
 * A member as billing sees it for one school year (art. 4.1): first école access, its memberships (the termination of
 * the one covering the year, if any, is shown), beneficiary students and école classes of the year.
 */
public record MemberYear(String memberId, String name, LocalDate firstAccessStart, Membership membership,
        long beneficiaryStudents, List<ClassAccess> classes) {

    /** Rule 13: does this member pay for the school year? */
    public boolean isLiableFor(SchoolYear year) {
        return Liability.memberIsLiableWhenAClassHadEffectiveAccessDuringTheYearWhileAMember(classes, membership, year);
    }

    /** The date the membership covering the year was terminated (shown in the derivation), or null. */
    public LocalDate terminatedOn(SchoolYear year) {
        return membership.terminationDuring(year);
    }
}
