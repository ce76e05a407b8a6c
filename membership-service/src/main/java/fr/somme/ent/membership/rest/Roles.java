package fr.somme.ent.membership.rest;

/** The realm roles this service knows (deploy/keycloak/ent-realm.json). */
final class Roles {

    static final String OPERATOR = "operator";
    static final String MEMBER_AGENT = "member-agent";
    static final String FINANCE = "finance";
    static final String DSDEN = "dsden";
    static final String PARTNER = "partner";

    private Roles() {
    }
}
