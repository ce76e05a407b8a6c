package fr.somme.ent.projects.domain;

import fr.somme.ent.commons.security.Role;

/**
 * Who moved a project, whatever the channel: a teacher or an IEN through REST, or an IEN whose decision the DSDEN
 * forwards by event (no token then, hence a value of its own rather than the request's caller).
 */
public record Actor(String name, Role role) {

    public static Actor ien(String ienId) {
        return new Actor(ienId, Role.IEN);
    }
}
