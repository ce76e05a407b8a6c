package fr.somme.ent.provisioning.domain;

import java.util.Locale;

/**
 * Someone to open an account for, with the base of its login (rule 10, art. 2). Names may be null for an anonymous
 * seat, named later.
 */
public record Person(AccountRole role, String base, String lastName, String firstName, String externalId) {

    /**
     * The teacher: login from the teacher id, his user name ({@code prenom.nom}, otherwise {@code enseignant.<id>});
     * external id (SCIM {@code externalId}, which the platform links its user on) his stable subject when the project
     * events carried it, else the user name (a project written before subjects were recorded).
     */
    public static Person teacher(String teacherId, String teacherSub) {
        String[] parts = teacherId.split("\\.", 2);
        String base = parts.length == 2 ? LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30(parts[0], parts[1])
                : LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("enseignant", teacherId);
        return new Person(AccountRole.TEACHER, base, null, null, teacherSub != null ? teacherSub : teacherId);
    }

    public static Person student(String firstName, String lastName) {
        return new Person(AccountRole.STUDENT, LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30(firstName, lastName),
                lastName, firstName, null);
    }

    /** A student seat without a name yet: login {@code eleve.<uai>}, {@code eleve.<uai>2}, ... */
    public static Person anonymousSeat(String schoolUai) {
        return new Person(AccountRole.STUDENT, "eleve." + schoolUai.toLowerCase(Locale.ROOT), null, null, null);
    }
}
