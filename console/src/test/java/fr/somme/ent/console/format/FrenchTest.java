package fr.somme.ent.console.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FrenchTest {

    /** The French locale separates thousands and the currency sign with no-break spaces (a line never splits an amount). */
    private static String plainSpaces(String s) {
        return s.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    @Test
    void a_legal_date_reads_day_month_in_words_year() {
        assertEquals("1 septembre 2026", French.date("2026-09-01"));
        assertEquals("31 août 2027", French.date(LocalDate.of(2027, 8, 31)));
        assertEquals("26 juin 2017", French.date("2017-06-26"));
    }

    @Test
    void an_instant_is_shown_on_its_day_and_hour_in_paris() {
        // 22:30 UTC on 31 August is already 1 September in Paris (summer time, UTC+2)
        assertEquals("1 septembre 2026", French.date("2026-08-31T22:30:00Z"));
        assertEquals("1 septembre 2026 à 00 h 30", French.dateTime("2026-08-31T22:30:00Z"));
        assertEquals("15 janvier 2027 à 11 h 05", French.dateTime("2027-01-15T10:05:00Z"));
    }

    @Test
    void an_amount_has_a_decimal_comma_grouped_thousands_and_the_euro_sign_after_it() {
        String amount = French.euros("5232.56");
        assertEquals("5 232,56 €", plainSpaces(amount));
        assertFalse(amount.contains(" "), "only no-break spaces inside an amount: " + amount);
        assertEquals("1 000 000,00 €", plainSpaces(French.euros(new BigDecimal("1000000"))));
        assertEquals("0,10 €", plainSpaces(French.euros("0.1")));
        assertEquals("12,35 €", plainSpaces(French.euros(12.345)));
    }

    @Test
    void missing_values_show_a_dash_and_unreadable_ones_are_shown_as_they_are() {
        assertEquals("—", French.date(null));
        assertEquals("—", French.euros(""));
        assertEquals("—", French.dateTime(null));
        assertEquals("bientôt", French.date("bientôt"));
        assertEquals("n/a", French.euros("n/a"));
    }

    @Test
    void counts_group_thousands() {
        assertEquals("12 345", plainSpaces(French.number(12345)));
        assertEquals("2,5", French.number("2.5"));
    }

    @Test
    void the_school_year_starts_on_the_first_of_september() {
        assertEquals("2026-2027", French.schoolYearOf(LocalDate.of(2026, 9, 1)));
        assertEquals("2025-2026", French.schoolYearOf(LocalDate.of(2026, 8, 31)));
        assertEquals("2026-2027", French.schoolYearOf(LocalDate.of(2027, 3, 1)));
    }
}
