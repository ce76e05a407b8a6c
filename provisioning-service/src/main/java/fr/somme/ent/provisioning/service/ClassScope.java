package fr.somme.ent.provisioning.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Role;
import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.TeacherIdentity;
import fr.somme.ent.provisioning.repository.ClassDeploymentRepository;

/**
 * Who may see or act on a class. Seeing (counts, never names): the operator, the class's teacher (the project's
 * {@code teacherSub} is the token's {@code sub} and its {@code school_uai} the class's school; a class recorded from an
 * event without {@code teacherSub}: its {@code teacherId} is the token's username, at the class's school:
 * {@link TeacherIdentity}), the agent of the class's member. Acting on its accounts: the operator and its teacher.
 * Anything else is a 404: a class's existence does not leak.
 */
@ApplicationScoped
public class ClassScope {

    private final ClassDeploymentRepository classes;

    public ClassScope(ClassDeploymentRepository classes) {
        this.classes = classes;
    }

    static boolean sees(ClassDeployment c, CallerScope caller) {
        if (caller.hasRole(Role.OPERATOR)) {
            return true;
        }
        if (caller.hasRole(Role.TEACHER)) {
            return c.isTaughtBy(teacher(caller));
        }
        if (caller.hasRole(Role.MEMBER_AGENT)) {
            return caller.memberId().map(c::isOfMember).orElse(false);
        }
        return false;
    }

    static boolean actsOn(ClassDeployment c, CallerScope caller) {
        return caller.hasRole(Role.OPERATOR) || (caller.hasRole(Role.TEACHER) && c.isTaughtBy(teacher(caller)));
    }

    /** The teacher the token describes: sub, username (classes recorded without teacherSub only), school. */
    static TeacherIdentity teacher(CallerScope caller) {
        return new TeacherIdentity(caller.subject(), caller.actor(), caller.schoolUai().orElse(null));
    }

    /** The class, if the caller may act on its accounts; 404 otherwise. */
    ClassDeployment ownClass(UUID projectId, CallerScope caller) {
        return classes.find(projectId).filter(c -> actsOn(c, caller))
                .orElseThrow(() -> ProblemException.notFound("class", projectId));
    }
}
