package fr.somme.ent.commons.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The realm roles of {@code deploy/keycloak/ent-realm.json} ({@code realm_access.roles}).
 * {@link Roles} holds the same names as constants for {@code @RolesAllowed}.
 */
public enum Role {
    OPERATOR(Roles.OPERATOR),
    FINANCE(Roles.FINANCE),
    MEMBER_AGENT(Roles.MEMBER_AGENT),
    DSDEN(Roles.DSDEN),
    IEN(Roles.IEN),
    TEACHER(Roles.TEACHER),
    PARTNER(Roles.PARTNER);

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    /** The role's name in the realm and in tokens. */
    public String realmName() {
        return realmName;
    }

    public static Optional<Role> fromRealmName(String name) {
        return Arrays.stream(values()).filter(r -> r.realmName.equals(name)).findFirst();
    }
}
