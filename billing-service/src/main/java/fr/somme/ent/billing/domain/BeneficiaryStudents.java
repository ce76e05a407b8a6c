package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import fr.somme.ent.commons.ids.SchoolYear;

/** How many beneficiary students a member has in a school year (art. 4.1, rule 13). */
public final class BeneficiaryStudents {

    /**
     * One école class of the member for the school year, as the last access-started/access-ended events of its project
     * left it: a class is a project (two classes with the same label in one school are two classes); the label is only
     * shown.
     */
    public record ClassAccess(UUID projectId, String schoolUai, String classLabel, long students, LocalDate accessStart,
            LocalDate accessEnd) {
    }

    private BeneficiaryStudents() {
    }

    /**
     * Art. 4.1: the beneficiary students of a member for school year Y are the students of its école classes that had
     * effective access during Y: the class's access started on or before 31 August of Y and had not ended before
     * 1 September of Y. Each class (its project) counts once, with the student count of its latest
     * access-started event for Y; a class whose access ended during Y still counts in full. Collège classes are not
     * counted here: they are re-invoiced to the Département at market prices (art. 4.3).
     */
    public static long studentsOfClassesWithEffectiveAccessDuringTheYear(Collection<ClassAccess> classes, SchoolYear year) {
        // a loop, not a stream: a national-scale period calls it for 35,000 members (issue #15)
        LocalDate first = year.firstDay();
        LocalDate last = year.lastDay();
        long students = 0;
        for (ClassAccess c : classes) {
            if (hadEffectiveAccessBetween(c, first, last)) {
                students += c.students();
            }
        }
        return students;
    }

    /** The class's access started on or before 31 August of Y and had not ended before 1 September of Y. */
    public static boolean hadEffectiveAccessDuring(ClassAccess c, SchoolYear year) {
        return hadEffectiveAccessBetween(c, year.firstDay(), year.lastDay());
    }

    /** As {@link #hadEffectiveAccessDuring}, the year given by its first and last days. */
    static boolean hadEffectiveAccessBetween(ClassAccess c, LocalDate firstDay, LocalDate lastDay) {
        return c.accessStart() != null && !c.accessStart().isAfter(lastDay)
                && (c.accessEnd() == null || !c.accessEnd().isBefore(firstDay));
    }
}
