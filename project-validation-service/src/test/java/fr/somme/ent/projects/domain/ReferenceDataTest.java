package fr.somme.ent.projects.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.commons.security.Role;
import fr.somme.ent.projects.domain.ProjectRules.ConventionPeriod;

/** The DSDEN's data as this service keeps them: schools, circonscriptions and their IEN, conventions; and the values around them. */
class ReferenceDataTest {

    private static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void eachChangeOfTheDsdenIsCountedAndTheSchoolTakesItsNewCirconscription() {
        School school = School.identifiedBy("0800091P");
        assertEquals("0800091P", school.uai());
        school.update(new School.Facts("ECOLE", "80047", School.Level.PRIMAIRE, School.Sector.PUBLIC, "0805"), AT, "evt-1");
        assertEquals(1, school.revision());
        school.update(new School.Facts("ECOLE", "80047", School.Level.PRIMAIRE, School.Sector.PUBLIC, "0807"), AT, null);
        assertEquals(2, school.revision());
        assertEquals("0807", school.circonscriptionCode());
    }

    @Test
    void onlyTheIenNamedByTheDsdenIsTheCirconscriptionsIen() {
        Circonscription c = Circonscription.named("0801");
        c.update("Amiens 1", "ien-amiens-1", "IEN Amiens 1", AT, "evt-1");
        assertTrue(c.hasIen("ien-amiens-1"));
        assertFalse(c.hasIen("ien-amiens-2"));
        assertEquals(1, c.revision());
        c.update("Amiens 1", "ien-amiens-2", null, AT, null);
        assertTrue(c.hasIen("ien-amiens-2"));
        assertFalse(c.hasIen("ien-amiens-1"));
        assertEquals(2, c.revision());
    }

    @Test
    void aConventionIsRecordedWithItsPeriodUnlessItOverlapsAnother() {
        ConventionPeriod period = new ConventionPeriod("CONV-2025", LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31),
                LocalDate.of(2025, 6, 30));
        DsdenConvention c = DsdenConvention.record(period, "operator", AT, List.of());
        assertNotNull(c.id());
        assertEquals(period, c.period());
        assertEquals("CONV-2025", c.reference());
        assertEquals(LocalDate.of(2025, 9, 1), c.validFrom());
        assertEquals(LocalDate.of(2028, 8, 31), c.validTo());
        assertEquals(LocalDate.of(2025, 6, 30), c.signedOn());
        assertEquals("operator", c.recordedBy());
        assertEquals(AT, c.recordedAt());

        ConventionPeriod overlapping = new ConventionPeriod("CONV-2028", LocalDate.of(2028, 8, 31), LocalDate.of(2031, 8, 31),
                LocalDate.of(2028, 6, 1));
        assertEquals("overlapping-convention", assertThrows(Rejection.class,
                () -> DsdenConvention.record(overlapping, "operator", AT, List.of(c.period()))).slug());
        // unsigned, it is stored (it never counts for a validation) and reserves no period
        DsdenConvention draft = DsdenConvention.record(new ConventionPeriod("CONV-2028-PROJET", LocalDate.of(2028, 8, 31),
                LocalDate.of(2031, 8, 31), null), "operator", AT, List.of(c.period()));
        assertNull(draft.signedOn());
    }

    @Test
    void aRoleIsStoredUnderItsRealmName() {
        RoleColumn column = new RoleColumn();
        assertEquals("teacher", column.convertToDatabaseColumn(Role.TEACHER));
        assertEquals(Role.IEN, column.convertToEntityAttribute("ien"));
        assertNull(column.convertToDatabaseColumn(null));
        assertNull(column.convertToEntityAttribute(null));
        assertThrows(IllegalStateException.class, () -> column.convertToEntityAttribute("chef"));
    }

    @Test
    void theDsdenForwardingADecisionIsNamedInTheChannelAndContentListsAreNeverNull() {
        Channel forwarded = Channel.restForDsden("dsden-agent");
        assertEquals("REST (dsden: dsden-agent)", forwarded.name());
        assertNull(forwarded.eventId());
        ProjectContent bare = new ProjectContent("0800091P", "CP", null, "2026-2027", 12, "Lecture", null);
        assertEquals(List.of(), bare.levels());
        assertEquals(List.of(), bare.requestedResources());
    }
}
