package fr.somme.ent.projects.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What provisioning announced about a project's class decides whether the project can still be withdrawn (art. 2, rule 8). */
class ClassDeploymentTest {

    private static final UUID PROJECT = UUID.fromString("0b6f3c3e-2f6e-4a47-9a6e-3f1c2a1d0e01");
    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void aClassIsDeployedOnceProvisioningAnnouncedItOrEndedItsAccess() {
        ClassDeployment nothingYet = ClassDeployment.ofProject(PROJECT);
        assertFalse(nothingYet.classDeployed());
        assertEquals(PROJECT, nothingYet.projectId());
        assertEquals(Optional.empty(), nothingYet.deployedOn());

        ClassDeployment deployed = ClassDeployment.ofProject(PROJECT);
        deployed.deployed(LocalDate.of(2026, 11, 19), "evt-deployed", AT);
        assertTrue(deployed.classDeployed());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 19)), deployed.deployedOn());
        assertEquals(Optional.empty(), deployed.accessEndedOn());
        assertEquals("evt-deployed", deployed.lastEventId());
        assertEquals(AT, deployed.updatedAt());

        deployed.accessEnded(LocalDate.of(2027, 8, 31), "SCHOOL_YEAR_ENDED", "evt-ended", AT.plusSeconds(60));
        assertTrue(deployed.classDeployed());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 19)), deployed.deployedOn());
        assertEquals(Optional.of(LocalDate.of(2027, 8, 31)), deployed.accessEndedOn());
        assertEquals(Optional.of("SCHOOL_YEAR_ENDED"), deployed.accessEndReason());
        assertEquals("evt-ended", deployed.lastEventId());
        assertEquals(AT.plusSeconds(60), deployed.updatedAt());

        // an access that ended says the class had been deployed, even when class-deployed was not seen
        ClassDeployment endedOnly = ClassDeployment.ofProject(PROJECT);
        endedOnly.accessEnded(LocalDate.of(2027, 1, 10), "MEMBER_TERMINATED", "evt-1", AT);
        assertTrue(endedOnly.classDeployed());
        assertEquals(Optional.empty(), endedOnly.deployedOn());
    }
}
