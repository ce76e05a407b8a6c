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
}
