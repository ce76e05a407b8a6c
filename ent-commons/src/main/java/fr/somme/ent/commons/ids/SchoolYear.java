package fr.somme.ent.commons.ids;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year, from 1 September to 31 August, named like {@code 2025-2026}. */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    private static final Pattern NAME = Pattern.compile("^([0-9]{4})-([0-9]{4})$");

    public SchoolYear {
        if (startYear < 2000 || startYear > 2999) {
            throw new IllegalArgumentException("school year out of range: " + startYear);
        }
    }

    public static SchoolYear parse(String name) {
        Matcher m = name == null ? null : NAME.matcher(name.trim());
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw new IllegalArgumentException("'" + name + "' is not a school year like 2025-2026");
        }
        return new SchoolYear(Integer.parseInt(m.group(1)));
    }

    public static boolean isValid(String name) {
        try {
            parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The school year a date falls in: 31 August belongs to the year that ends, 1 September starts the next. */
    public static SchoolYear containing(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    public SchoolYear previous() {
        return new SchoolYear(startYear - 1);
    }

    public String name() {
        return startYear + "-" + (startYear + 1);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return name();
    }
}
