package fr.somme.ent.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The current school year (1 September to 31 August) as scripts/demo.sh computes it, and dates written in French. */
final class SchoolYear {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private SchoolYear() {
    }

    static int startYear() {
        LocalDate today = LocalDate.now();
        return today.getMonthValue() < 9 ? today.getYear() - 1 : today.getYear();
    }

    /** e.g. "2026-2027". */
    static String current() {
        return startYear() + "-" + (startYear() + 1);
    }

    /** A date of the demo's summer before the school year, as the console writes it: "25 juin 2026". */
    static String demoDate(int month, int day) {
        return FRENCH.format(LocalDate.of(startYear(), month, day));
    }
}
