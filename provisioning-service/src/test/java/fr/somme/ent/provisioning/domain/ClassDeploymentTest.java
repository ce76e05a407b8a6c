package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** The life of a class: PENDING → DEPLOYED → CLOSED, each step checked by the aggregate. */
class ClassDeploymentTest {

    static ClassDeployment pending() {
        return new ClassDeployment(UUID.randomUUID(), ClassStatus.PENDING, List.of(), null, "0801234A", "2026-2027", "CM2 A",
                null, "anne.leroy", 24, null, null, null, null, false);
    }

    @Test
    void aPendingClassKeepsItsReasonsAndSaysWhetherTheyChanged() {
        ClassDeployment c = pending();
        assertTrue(c.keepPending(List.of(DeploymentGate.SCHOOL_NOT_DESIGNATED)));
        assertFalse(c.keepPending(List.of(DeploymentGate.SCHOOL_NOT_DESIGNATED)));
        assertEquals(List.of(DeploymentGate.SCHOOL_NOT_DESIGNATED), c.reasons());
    }

    @Test
    void deployingBeforeTheRentreeStartsAccessOnTheFirstDayOfTheSchoolYear() {
        ClassDeployment c = pending();
        c.deploy("228000014", SchoolLevel.COLLEGE, LocalDate.of(2026, 6, 20));
        assertEquals(ClassStatus.DEPLOYED, c.status());
        assertEquals("228000014", c.memberId());
        assertEquals(LocalDate.of(2026, 6, 20), c.deployedOn());
        assertEquals(LocalDate.of(2026, 9, 1), c.accessStartDate());
        assertEquals(List.of(), c.reasons());
    }

    @Test
    void onlyADeployedClassCloses_andOnlyAPendingOneDeploys() {
        ClassDeployment c = pending();
        assertThrows(Rejection.class, () -> c.close(LocalDate.of(2026, 10, 1), CloseReason.PROJECT_WITHDRAWN));
        c.deploy("228000014", SchoolLevel.ECOLE, LocalDate.of(2026, 9, 10));
        assertThrows(Rejection.class, () -> c.deploy("228000014", SchoolLevel.ECOLE, LocalDate.of(2026, 9, 11)));
        c.close(LocalDate.of(2026, 10, 1), CloseReason.MEMBER_TERMINATED);
        assertEquals(ClassStatus.CLOSED, c.status());
        assertEquals(CloseReason.MEMBER_TERMINATED, c.closeReason());
        assertThrows(Rejection.class, () -> c.keepPending(List.of()));
    }

    @Test
    void theRosterChangesOnlyWhilePending_andTheLoginSheetIsIssuedOnceForADeployedClass() {
        ClassDeployment c = pending();
        c.requireRosterOpen();
        Rejection notDeployed = assertThrows(Rejection.class, c::issueLoginSheet);
        assertEquals("class-not-deployed", notDeployed.slug());
        c.deploy("228000014", SchoolLevel.ECOLE, LocalDate.of(2026, 9, 10));
        Rejection deployed = assertThrows(Rejection.class, c::requireRosterOpen);
        assertEquals("class-already-deployed", deployed.slug());
        assertEquals(Rejection.Kind.CONFLICT, deployed.kind());
        c.issueLoginSheet();
        assertTrue(c.loginSheetIssued());
        assertEquals("login-sheet-already-issued", assertThrows(Rejection.class, c::issueLoginSheet).slug());
    }
}
