package fr.somme.ent.provisioning.domain;

import java.util.ArrayList;
import java.util.List;

import fr.somme.ent.commons.rules.Rejection;

/** A student's names, as a roster line or a seat's new name: both required, at most 100 characters each. */
public record PersonName(String lastName, String firstName) {

    public static final int MAX_LENGTH = 100;
    public static final int MAX_ROSTER = 100;

    /** The name as given, stripped; refuses {@code roster-line} when it or a part is missing or too long. */
    public static PersonName validated(PersonName given) {
        if (given == null || !valid(given.lastName()) || !valid(given.firstName())) {
            throw Rejection.invalidInput("roster-line", "last name and first name are required (at most 100 characters)");
        }
        return new PersonName(given.lastName().strip(), given.firstName().strip());
    }

    /** A roster has 1 to 100 students, each with both names ({@code roster-size}, {@code roster-line}). */
    public static List<PersonName> roster(List<PersonName> lines) {
        if (lines.isEmpty() || lines.size() > MAX_ROSTER) {
            throw Rejection.invalidInput("roster-size", "a roster has 1 to 100 students");
        }
        List<PersonName> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PersonName l = lines.get(i);
            if (l == null || !valid(l.lastName()) || !valid(l.firstName())) {
                throw Rejection.invalidInput("roster-line", "line " + (i + 1) + ": last name and first name are required "
                        + "(at most 100 characters)");
            }
            out.add(new PersonName(l.lastName().strip(), l.firstName().strip()));
        }
        return out;
    }

    private static boolean valid(String s) {
        return s != null && !s.isBlank() && s.length() <= MAX_LENGTH;
    }
}
