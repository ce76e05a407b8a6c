package fr.somme.ent.commons.security;

/** The names of {@link Role} as compile-time constants, for {@code @RolesAllowed}. */
public final class Roles {

    public static final String OPERATOR = "operator";
    public static final String FINANCE = "finance";
    public static final String MEMBER_AGENT = "member-agent";
    public static final String DSDEN = "dsden";
    public static final String IEN = "ien";
    public static final String TEACHER = "teacher";
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
