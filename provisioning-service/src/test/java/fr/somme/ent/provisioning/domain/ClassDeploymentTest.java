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
                null, "anne.leroy", null, 24, null, null, null, null, false);
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

    @Test
    void aClassKeepsItsProjectSchoolYearTeacherAndSizeThroughItsLife() {
        UUID project = UUID.randomUUID();
        ClassDeployment c = new ClassDeployment(project, ClassStatus.PENDING, List.of("school-not-designated"), null, "0801234A",
                "2026-2027", "CM2 A", null, "anne.leroy", "sub-anne", 24, null, null, null, null, false);
        assertFalse(c.isOfMember("228000014"), "no member before deployment");
        assertFalse(c.isOfMember(null));
        assertFalse(c.loginSheetIssued());
        c.deploy("228000014", SchoolLevel.ECOLE, LocalDate.of(2026, 10, 5));
        assertTrue(c.isOfMember("228000014"));
        assertFalse(c.isOfMember("218000198"));
        assertEquals(SchoolLevel.ECOLE, c.schoolLevel());
        assertEquals(LocalDate.of(2026, 10, 5), c.accessStartDate(), "deployed after the rentrée: access starts that day");
        assertEquals(null, c.closedOn());
        c.close(LocalDate.of(2027, 2, 1), CloseReason.PROJECT_WITHDRAWN);
        assertEquals(LocalDate.of(2027, 2, 1), c.closedOn());
        assertEquals(CloseReason.PROJECT_WITHDRAWN, c.closeReason());
        assertEquals(project, c.projectId());
        assertEquals("0801234A", c.schoolUai());
        assertEquals("2026-2027", c.schoolYear());
        assertEquals("CM2 A", c.classLabel());
        assertEquals("anne.leroy", c.teacherId());
        assertEquals("sub-anne", c.teacherSub());
        assertEquals(24, c.students());
        assertTrue(c.isTaughtBy(new TeacherIdentity("sub-anne", "anne.renamed", "0801234A")), "by its teacher's subject");
        assertFalse(c.isTaughtBy(new TeacherIdentity("a-sub", "anne.leroy", "0801234A")), "the user name alone is not enough");
        assertFalse(c.isTaughtBy(new TeacherIdentity("sub-anne", "anne.leroy", "0809999Z")), "another school");
        assertFalse(c.isTaughtBy(null));

        ClassDeployment legacy = pending(); // recorded from an event without teacherSub
        assertEquals(null, legacy.teacherSub());
        assertTrue(legacy.isTaughtBy(new TeacherIdentity("a-sub", "anne.leroy", "0801234A")), "legacy class: user name");
        assertFalse(legacy.isTaughtBy(new TeacherIdentity("a-sub", "paul.martin", "0801234A")));
    }

    @Test
    void refusalsNameTheClassesStatus() {
        ClassDeployment c = pending();
        Rejection close = assertThrows(Rejection.class, () -> c.close(LocalDate.of(2026, 10, 1), CloseReason.PROJECT_WITHDRAWN));
        assertEquals("class-pending", close.slug());
        assertEquals("a pending class cannot be closed", close.reason());
        assertEquals("the class is pending: no login sheet", assertThrows(Rejection.class, c::issueLoginSheet).reason());
        c.deploy("228000014", SchoolLevel.ECOLE, LocalDate.of(2026, 9, 10));
        assertEquals("class-deployed", assertThrows(Rejection.class,
                () -> c.deploy("228000014", SchoolLevel.ECOLE, LocalDate.of(2026, 9, 11))).slug());
        assertTrue(assertThrows(Rejection.class, c::requireRosterOpen).reason().startsWith("the class is deployed:"));
        c.close(LocalDate.of(2026, 10, 1), CloseReason.MEMBER_TERMINATED);
        Rejection seat = assertThrows(Rejection.class, () -> c.requireDeployed("no seat to name"));
        assertEquals("class-not-deployed", seat.slug());
        assertEquals("the class is closed: no seat to name", seat.reason());
    }

    @Test
    void aPendingClassIsDiscardedWithWhenAndWhy_andADiscardedClassNeverDeploysNorTakesARoster() {
        ClassDeployment c = pending();
        c.keepPending(List.of(DeploymentGate.SCHOOL_NOT_DESIGNATED));
        c.discard(LocalDate.of(2026, 10, 5), CloseReason.PROJECT_WITHDRAWN);
        assertEquals(ClassStatus.DISCARDED, c.status());
        assertEquals(LocalDate.of(2026, 10, 5), c.closedOn());
        assertEquals(CloseReason.PROJECT_WITHDRAWN, c.closeReason());
        assertEquals(List.of(), c.reasons());
        assertEquals("class-discarded", assertThrows(Rejection.class, c::requireRosterOpen).slug());
        assertThrows(Rejection.class, () -> c.deploy("228000014", SchoolLevel.ECOLE, LocalDate.of(2026, 10, 6)));
        assertThrows(Rejection.class, () -> c.discard(LocalDate.of(2026, 10, 6), CloseReason.SCHOOL_YEAR_ENDED));
        assertThrows(Rejection.class, () -> c.close(LocalDate.of(2026, 10, 6), CloseReason.SCHOOL_YEAR_ENDED));
        assertEquals("discarded", c.status().label());
    }

    @Test
    void onlyAPendingClassIsDiscarded_aDeployedOneCloses() {
        ClassDeployment c = pending();
        c.deploy("228000014", SchoolLevel.ECOLE, LocalDate.of(2026, 9, 10));
        assertThrows(Rejection.class, () -> c.discard(LocalDate.of(2027, 8, 31), CloseReason.SCHOOL_YEAR_ENDED));
        c.close(LocalDate.of(2027, 8, 31), CloseReason.SCHOOL_YEAR_ENDED);
        assertEquals(ClassStatus.CLOSED, c.status());
        assertEquals(LocalDate.of(2027, 8, 31), c.closedOn());
        assertThrows(NullPointerException.class, () -> pending().discard(null, CloseReason.SCHOOL_YEAR_ENDED));
        assertThrows(NullPointerException.class, () -> pending().discard(LocalDate.of(2027, 8, 31), null));
    }
}
