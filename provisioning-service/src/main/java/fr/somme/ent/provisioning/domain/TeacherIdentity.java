package fr.somme.ent.provisioning.domain;

import java.util.UUID;

/**
 * Who a teacher's token says it is (issue #14, point 5): its {@code sub} (stable: Keycloak never reuses nor renames
 * it), its {@code preferred_username} (may be renamed or reused) and its {@code school_uai} claim (may be null).
 */
public record TeacherIdentity(String subject, String username, String schoolUai) {

    /**
     * A class is its teacher's when the token's school is the class's school, and the project's {@code teacherId}
     * is the token's {@code sub}. A {@code teacherId} that is not a Keycloak subject (not a UUID) is a username
     * recorded from an event produced before project-validation identified teachers by {@code sub}: only then, it is
     * matched against the token's {@code preferred_username} (still at the class's school).
     */
    public boolean ownsClassOf(String teacherId, String classSchoolUai) {
        if (teacherId == null || classSchoolUai == null || !classSchoolUai.equals(schoolUai)) {
            return false;
        }
        if (teacherId.equals(subject)) {
            return true;
        }
        return !isSubject(teacherId) && teacherId.equals(username);
    }

    /** Keycloak's subjects are UUIDs; usernames of the realm are not. */
    static boolean isSubject(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
