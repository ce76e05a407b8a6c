package fr.somme.ent.provisioning.domain;

/**
 * Who a teacher's token says it is (issue #14, point 5): its {@code sub} (stable: Keycloak never reuses nor renames
 * it), its {@code preferred_username} (may be renamed or reused) and its {@code school_uai} claim (may be null).
 */
public record TeacherIdentity(String subject, String username, String schoolUai) {

    /**
     * A class is its teacher's when the token's school is the class's school (a teacher moved to another school loses
     * its classes there), and the class's {@code teacherSub} (from the project events) is the token's {@code sub}. Only
     * a class recorded from an event that carried no {@code teacherSub} (a project written before project-validation
     * recorded subjects) is matched by its {@code teacherId}, the user name, against the token's
     * {@code preferred_username}, still at the class's school.
     */
    public boolean ownsClassOf(String teacherSub, String teacherId, String classSchoolUai) {
        if (classSchoolUai == null || !classSchoolUai.equals(schoolUai)) {
            return false;
        }
        if (teacherSub != null) {
            return teacherSub.equals(subject);
        }
        return teacherId != null && teacherId.equals(username);
    }
}
