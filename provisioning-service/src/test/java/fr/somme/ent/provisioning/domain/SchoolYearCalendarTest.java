package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/** Rule 9 (art. 2) and the school year: the roll-out window of a year, and when a year has ended. */
class SchoolYearCalendarTest {

    static final SchoolYear Y = SchoolYear.parse("2027-2028");
    static final SchoolYearCalendar JULY = SchoolYearCalendar.opening("07-01");

    @Test
    void aClassDeploysOnlyFromTheRollOutOpeningBeforeTheRentreeUntilTheEndOfItsSchoolYear() {
        assertEquals(LocalDate.of(2027, 7, 1), JULY.rollOutOpensOn(Y));
        assertEquals(Optional.of("school-year-not-open"),
                JULY.classDeploysOnlyFromTheRollOutOpeningUntilTheEndOfItsSchoolYear(Y, LocalDate.of(2027, 6, 30)));
        assertEquals(Optional.empty(), JULY.classDeploysOnlyFromTheRollOutOpeningUntilTheEndOfItsSchoolYear(Y, LocalDate.of(2027, 7, 1)));
        assertEquals(Optional.empty(), JULY.classDeploysOnlyFromTheRollOutOpeningUntilTheEndOfItsSchoolYear(Y, LocalDate.of(2027, 9, 1)));
        assertEquals(Optional.empty(), JULY.classDeploysOnlyFromTheRollOutOpeningUntilTheEndOfItsSchoolYear(Y, LocalDate.of(2028, 8, 31)));
        assertEquals(Optional.of("school-year-ended"),
                JULY.classDeploysOnlyFromTheRollOutOpeningUntilTheEndOfItsSchoolYear(Y, LocalDate.of(2028, 9, 1)));
    }

    @Test
    void theRollOutOpeningIsConfigurableAsAMonthDayOfTheYearTheSchoolYearStarts() {
        SchoolYearCalendar june = SchoolYearCalendar.opening(" 06-15 ");
        assertEquals(MonthDay.of(6, 15), june.rollOutOpens());
        assertEquals(LocalDate.of(2027, 6, 15), june.rollOutOpensOn(Y));
        assertEquals(Optional.empty(), june.classDeploysOnlyFromTheRollOutOpeningUntilTheEndOfItsSchoolYear(Y, LocalDate.of(2027, 6, 15)));
        assertEquals(Optional.of("school-year-not-open"),
                june.classDeploysOnlyFromTheRollOutOpeningUntilTheEndOfItsSchoolYear(Y, LocalDate.of(2027, 6, 14)));
        assertThrows(IllegalArgumentException.class, () -> SchoolYearCalendar.opening("1st of July"));
        assertThrows(IllegalArgumentException.class, () -> SchoolYearCalendar.opening("13-01"));
        assertThrows(NullPointerException.class, () -> new SchoolYearCalendar(null));
    }

    @Test
    void aSchoolYearEndsAtTheEndOfItsThirtyFirstOfAugust() {
        assertFalse(SchoolYearCalendar.hasEnded(Y, LocalDate.of(2028, 8, 31)));
        assertTrue(SchoolYearCalendar.hasEnded(Y, LocalDate.of(2028, 9, 1)));
        assertFalse(SchoolYearCalendar.hasEnded(Y, LocalDate.of(2027, 10, 5)));
        assertEquals(LocalDate.of(2028, 8, 31), SchoolYearCalendar.accessEndsOn(Y));
    }

    @Test
    void aSchoolYearIsClosedOnlyOnceItHasEnded() {
        Rejection notEnded = assertThrows(Rejection.class, () -> SchoolYearCalendar.requireEnded(Y, LocalDate.of(2028, 8, 31)));
        assertEquals("school-year-not-ended", notEnded.slug());
        assertEquals(Rejection.Kind.RULE_NOT_SATISFIED, notEnded.kind());
        SchoolYearCalendar.requireEnded(Y, LocalDate.of(2028, 9, 1));
    }
}
