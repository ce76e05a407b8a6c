package fr.somme.ent.commons.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SchoolYearTest {

    @Test
    void aSchoolYearRunsFromTheFirstOfSeptemberToTheThirtyFirstOfAugust() {
        SchoolYear y = SchoolYear.parse("2025-2026");
        assertEquals(LocalDate.of(2025, 9, 1), y.firstDay());
        assertEquals(LocalDate.of(2026, 8, 31), y.lastDay());
        assertEquals(y, SchoolYear.containing(LocalDate.of(2026, 8, 31)));
        assertEquals(y.next(), SchoolYear.containing(LocalDate.of(2026, 9, 1)));
        assertEquals(y, SchoolYear.containing(LocalDate.of(2025, 9, 1)));
        assertTrue(y.contains(LocalDate.of(2026, 1, 15)));
        assertFalse(y.contains(LocalDate.of(2025, 8, 31)));
        assertEquals("2026-2027", y.next().name());
    }

    @Test
    void namesMustBeTwoConsecutiveYears() {
        assertThrows(IllegalArgumentException.class, () -> SchoolYear.parse("2025-2027"));
        assertThrows(IllegalArgumentException.class, () -> SchoolYear.parse("2025/2026"));
        assertThrows(IllegalArgumentException.class, () -> SchoolYear.parse(null));
        assertFalse(SchoolYear.isValid("25-26"));
    }

    @Test
    void theRangeOfSchoolYearsIsBoundedOnBothEnds() {
        assertEquals(2000, new SchoolYear(2000).startYear());
        assertEquals(2999, new SchoolYear(2999).startYear());
        assertThrows(IllegalArgumentException.class, () -> new SchoolYear(1999));
        assertThrows(IllegalArgumentException.class, () -> new SchoolYear(3000));
    }

    @Test
    void yearsAreOrderedAndNamedLikeOnTheirDocuments() {
        SchoolYear y = SchoolYear.parse(" 2025-2026 ");
        assertTrue(SchoolYear.isValid("2025-2026"));
        assertEquals("2024-2025", y.previous().name());
        assertTrue(y.compareTo(y.next()) < 0);
        assertTrue(y.compareTo(y.previous()) > 0);
        assertEquals(0, y.compareTo(SchoolYear.parse("2025-2026")));
        assertEquals("2025-2026", y.toString());
    }
}
