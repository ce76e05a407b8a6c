package fr.somme.ent.provisioning.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/**
 * Rule 9 (art. 2) and the school year: a class of school year Y deploys from the opening of Y's roll-out window (a
 * month-day of the calendar year Y, by default 1 July, before the rentrée of September Y) and never once Y has ended
 * (after 31 August Y+1); at the end of 31 August Y+1, every class of Y closes.
 */
public record SchoolYearCalendar(MonthDay rollOutOpens) {

    public static final String SCHOOL_YEAR_NOT_OPEN = "school-year-not-open";
    public static final String SCHOOL_YEAR_ENDED = "school-year-ended";

    public SchoolYearCalendar {
        Objects.requireNonNull(rollOutOpens);
    }

    /** The roll-out window's opening as configured, {@code MM-dd} (e.g. {@code 07-01}). */
    public static SchoolYearCalendar opening(String monthDay) {
        try {
            return new SchoolYearCalendar(MonthDay.parse("--" + monthDay.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("roll-out opening '" + monthDay + "' is not a month-day like 07-01", e);
        }
    }

    /** The first day classes of that school year may deploy. */
    public LocalDate rollOutOpensOn(SchoolYear year) {
        return rollOutOpens.atYear(year.startYear());
    }

    /** Why a class of that year cannot deploy today (not open yet, or ended), or empty inside the window. */
    public Optional<String> classDeploysOnlyFromTheRollOutOpeningUntilTheEndOfItsSchoolYear(SchoolYear year, LocalDate today) {
        if (today.isBefore(rollOutOpensOn(year))) {
            return Optional.of(SCHOOL_YEAR_NOT_OPEN);
        }
        if (hasEnded(year, today)) {
            return Optional.of(SCHOOL_YEAR_ENDED);
        }
        return Optional.empty();
    }

    /** A school year has ended once its 31 August is over: from 1 September of the next one. */
    public static boolean hasEnded(SchoolYear year, LocalDate today) {
        return today.isAfter(year.lastDay());
    }

    /** The closure of a school year runs only once it has ended. */
    public static void requireEnded(SchoolYear year, LocalDate today) {
        if (!hasEnded(year, today)) {
            throw Rejection.ruleNotSatisfied("school-year-not-ended",
                    "the school year " + year + " ends at the end of " + year.lastDay() + "; today is " + today);
        }
    }

    /** Access to a class of that year ends on its last day, 31 August. */
    public static LocalDate accessEndsOn(SchoolYear year) {
        return year.lastDay();
    }
}
