package fr.somme.ent.projects.service;

import java.util.Optional;

import fr.somme.ent.commons.security.CallerScope;

/** Who acts and within which scope, independent of the channel (REST token or DSDEN event). */
public record Caller(String actor, String role, Optional<String> circonscription, Optional<String> schoolUai,
        Optional<String> memberId) {

    public static final String OPERATOR = "operator";
    public static final String DSDEN = "dsden";
    public static final String IEN = "ien";
    public static final String TEACHER = "teacher";
    public static final String MEMBER_AGENT = "member-agent";

    /** The caller's widest role decides what it sees: operator and dsden see every project. */
    public static Caller of(CallerScope scope) {
        String role = scope.hasRole(OPERATOR) ? OPERATOR
                : scope.hasRole(DSDEN) ? DSDEN
                : scope.hasRole(IEN) ? IEN
                : scope.hasRole(TEACHER) ? TEACHER
                : scope.hasRole(MEMBER_AGENT) ? MEMBER_AGENT : "none";
        return new Caller(scope.actor(), role, scope.circonscription(), scope.schoolUai(), scope.memberId());
    }

    public boolean seesAll() {
        return OPERATOR.equals(role) || DSDEN.equals(role);
    }
}
