package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.domain.DeploymentGate.Decision;
import fr.somme.ent.provisioning.domain.DeploymentGate.Designation;

/** Rule 9 (art. 2): the gate as a pure rule, one case per reason. */
class DeploymentGateTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 1);

    static Designation member(String id, LocalDate effective, LocalDate terminated) {
        return new Designation(id, "COMMUNE", effective, terminated, false);
    }

    @Test
    void classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember() {
        Decision ok = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(true,
                List.of(member("218000198", TODAY, null)), TODAY);
        assertTrue(ok.deploy(), "effective on its effective date");
        assertEquals("218000198", ok.by().orElseThrow().memberId());
        assertTrue(DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(true,
                List.of(member("218000198", TODAY.minusDays(1), TODAY.plusDays(1))), TODAY).deploy(),
                "a termination not yet in effect does not block");
    }

    @Test
    void schoolNotDesignated() {
        assertEquals(List.of("school-not-designated"),
                DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(true, List.of(), TODAY).reasons());
    }

    @Test
    void adhesionNotEffective() {
        assertEquals(List.of("adhesion-not-effective"), DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                true, List.of(member("218000198", TODAY.plusDays(1), null)), TODAY).reasons());
        assertEquals(List.of("adhesion-not-effective"), DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                true, List.of(member("218000198", null, null)), TODAY).reasons());
    }

    @Test
    void memberTerminated() {
        Decision d = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(true,
                List.of(member("218000198", TODAY.minusDays(100), TODAY)), TODAY);
        assertEquals(List.of("member-terminated"), d.reasons());
    }

    @Test
    void aLaterAdhesionSupersedesAnEarlierTermination() {
        assertTrue(DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(true,
                List.of(member("218000198", TODAY.minusDays(10), TODAY.minusDays(100))), TODAY).deploy());
    }

    @Test
    void projectWithdrawn() {
        Decision d = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(false,
                List.of(member("218000198", TODAY.minusDays(100), null)), TODAY);
        assertFalse(d.deploy());
        assertEquals(List.of("project-withdrawn"), d.reasons());
    }

    @Test
    void accountsOptedOut() {
        assertEquals(List.of("accounts-opted-out"), DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                true, List.of(new Designation("228000014", "DEPARTEMENT", TODAY.minusDays(1), null, true)), TODAY).reasons());
    }

    @Test
    void anyEligibleDesignatingMemberIsEnough() {
        Decision d = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(true,
                List.of(member("218000016", TODAY.plusDays(5), null), member("248000531", TODAY.minusDays(5), null)), TODAY);
        assertTrue(d.deploy());
        assertEquals("248000531", d.by().orElseThrow().memberId());
    }

    @Test
    void amongSeveralEligibleMembersTheFirstBySirenIsTheClasssMember() {
        Decision d = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(true,
                List.of(member("248000531", TODAY.minusDays(5), null), member("218000016", TODAY.minusDays(5), null),
                        member("228000014", TODAY.minusDays(5), null)), TODAY);
        assertTrue(d.deploy());
        assertEquals("218000016", d.by().orElseThrow().memberId());
        assertEquals(List.of(), d.reasons());
    }

    @Test
    void whenNoMemberIsEligibleEveryMembersReasonIsGiven() {
        Decision d = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(true,
                List.of(member("248000531", TODAY.minusDays(100), TODAY.minusDays(1)), member("218000016", TODAY.plusDays(1), null)),
                TODAY);
        assertFalse(d.deploy());
        assertEquals(List.of("adhesion-not-effective", "member-terminated"), d.reasons());
        assertEquals("218000016", d.by().orElseThrow().memberId(), "the first by SIREN, for the reasons' context");
        Decision withdrawn = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                false, List.of(), TODAY);
        assertEquals(List.of("project-withdrawn", "school-not-designated"), withdrawn.reasons());
        assertTrue(withdrawn.by().isEmpty());
    }

    @Test
    void aDeployedClassClosesOnlyOnItsWithdrawalOrTheTerminationOfItsOwnMember() {
        Designation terminatedToday = member("218000198", TODAY.minusDays(100), TODAY);
        assertEquals(Optional.of(CloseReason.PROJECT_WITHDRAWN),
                DeploymentGate.deployedClassClosesOnWithdrawalOrItsMembersTermination(false, terminatedToday, TODAY),
                "a withdrawal first");
        assertEquals(Optional.of(CloseReason.PROJECT_WITHDRAWN),
                DeploymentGate.deployedClassClosesOnWithdrawalOrItsMembersTermination(false, null, TODAY));
        assertEquals(Optional.of(CloseReason.MEMBER_TERMINATED),
                DeploymentGate.deployedClassClosesOnWithdrawalOrItsMembersTermination(true, terminatedToday, TODAY));
        assertEquals(Optional.empty(), DeploymentGate.deployedClassClosesOnWithdrawalOrItsMembersTermination(true,
                member("218000198", TODAY.minusDays(100), TODAY.plusDays(1)), TODAY), "a termination not yet in effect");
        assertEquals(Optional.empty(), DeploymentGate.deployedClassClosesOnWithdrawalOrItsMembersTermination(true,
                member("218000198", TODAY.minusDays(1), TODAY.minusDays(2)), TODAY), "a re-adhesion after the termination");
        assertEquals(Optional.empty(), DeploymentGate.deployedClassClosesOnWithdrawalOrItsMembersTermination(true,
                member("218000198", TODAY.minusDays(100), null), TODAY));
        assertEquals(Optional.empty(), DeploymentGate.deployedClassClosesOnWithdrawalOrItsMembersTermination(true, null, TODAY));
        assertEquals(Optional.empty(), DeploymentGate.deployedClassClosesOnWithdrawalOrItsMembersTermination(true,
                new Designation("228000014", "DEPARTEMENT", TODAY.minusDays(1), null, true), TODAY),
                "an opt-out alone does not close a deployed class");
    }

    @Test
    void aClassOutsideItsSchoolYearsRollOutWindowIsNeverDeployed() {
        Decision notOpen = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                true, Optional.of(DeploymentGate.SCHOOL_YEAR_NOT_OPEN), List.of(member("218000198", TODAY, null)), TODAY);
        assertFalse(notOpen.deploy());
        assertEquals(List.of("school-year-not-open"), notOpen.reasons());
        assertEquals("218000198", notOpen.by().orElseThrow().memberId());
        Decision ended = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                false, Optional.of(DeploymentGate.SCHOOL_YEAR_ENDED), List.of(), TODAY);
        assertEquals(List.of("project-withdrawn", "school-year-ended", "school-not-designated"), ended.reasons());
        assertTrue(DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                true, Optional.empty(), List.of(member("218000198", TODAY, null)), TODAY).deploy());
    }

    @Test
    void theSchoolLevelComesFromTheDesignationAndIsInferredFromTheMemberOnlyWhenAbsent() {
        assertEquals(SchoolLevel.COLLEGE, new Designation("218000198", "COMMUNE", TODAY, null, false, "COLLEGE").level());
        assertEquals(SchoolLevel.ECOLE, new Designation("228000014", "DEPARTEMENT", TODAY, null, false, "ECOLE").level());
        assertEquals(SchoolLevel.COLLEGE, new Designation("228000014", "DEPARTEMENT", TODAY, null, false, null).level());
        assertEquals(SchoolLevel.ECOLE, new Designation("218000198", "COMMUNE", TODAY, null, false, null).level());
        assertEquals(SchoolLevel.ECOLE, member("218000198", TODAY, null).level());
    }

    @Test
    void aTerminationTakesEffectOnItsDateAndAReAdhesionOnlyAfterIt() {
        assertEquals(List.of(), DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                true, List.of(member("218000198", TODAY.minusDays(10), TODAY.plusDays(1))), TODAY).reasons());
        assertEquals(List.of("member-terminated"), DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                true, List.of(member("218000198", TODAY.minusDays(10), TODAY.minusDays(10))), TODAY).reasons(),
                "an adhesion effective on the termination's own date does not supersede it");
        assertEquals(List.of("adhesion-not-effective", "member-terminated"),
                DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                        true, List.of(member("218000198", null, TODAY.minusDays(1))), TODAY).reasons());
    }
}
