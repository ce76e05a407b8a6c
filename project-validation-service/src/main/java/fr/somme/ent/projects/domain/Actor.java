package fr.somme.ent.projects.domain;

import fr.somme.ent.commons.security.Role;

/**
 * Who moved a project, whatever the channel: a teacher or an IEN through REST, or an IEN whose decision the DSDEN
 * forwards by event (no token then, hence a value of its own rather than the request's caller). {@code name} is the
 * user name shown in histories; {@code subject} the token's stable {@code sub} (null when there is no token).
 */
public record Actor(String name, Role role, String subject) {

    /** An actor known by name only (an IEN named in a DSDEN event, tests). */
    public Actor(String name, Role role) {
        this(name, role, null);
    }

    public static Actor ien(String ienId) {
        return new Actor(ienId, Role.IEN);
    }
}
