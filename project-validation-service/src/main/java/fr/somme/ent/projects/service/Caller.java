package fr.somme.ent.projects.service;

import java.util.List;
import java.util.Optional;

import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Role;
import fr.somme.ent.projects.domain.Actor;

/**
 * Who calls through REST and within which scope, read once from the token ({@link CallerScope}): the widest of its
 * roles decides what it sees (operator and dsden see every project). Empty role: none of this API's roles. {@code actor}
 * is the user name (shown in histories), {@code subject} the token's stable {@code sub} (a teacher's projects go by it).
 */
public record Caller(String actor, String subject, Optional<Role> role, Optional<String> circonscription, Optional<String> schoolUai,
        Optional<String> memberId) {

    /** Widest first. */
    private static final List<Role> BY_REACH = List.of(Role.OPERATOR, Role.DSDEN, Role.IEN, Role.TEACHER, Role.MEMBER_AGENT);

    public static Caller of(CallerScope scope) {
        Optional<Role> role = BY_REACH.stream().filter(scope::hasRole).findFirst();
        return new Caller(scope.actor(), scope.subject(), role, scope.circonscription(), scope.schoolUai(), scope.memberId());
    }

    public boolean is(Role candidate) {
        return role.filter(candidate::equals).isPresent();
    }

    public boolean seesAll() {
        return is(Role.OPERATOR) || is(Role.DSDEN);
    }

    /** The caller as the project's history records it. */
    Actor asActor() {
        return new Actor(actor, role.orElseThrow(() -> new IllegalStateException(actor + " holds none of this API's roles")), subject);
    }
}
